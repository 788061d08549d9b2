package fazhi.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The duplicate-overlap check's sorted arrays answer as the tree maps of boxed floats PDFBox's stripper keeps
 * (x to the set of y where a text was shown, looked up through range views), exceptions included.
 */
class ShownPlacesTest {

    /** The reference: PDFBox's structure and lookup, written out. */
    private static final class TreeReference {
        final TreeMap<Float, TreeSet<Float>> shown = new TreeMap<>();

        boolean overlaps(float xFrom, float xTo, float yFrom, float yTo) {
            SortedMap<Float, TreeSet<Float>> xs = shown.subMap(xFrom, xTo);
            for (Map.Entry<Float, TreeSet<Float>> e : xs.entrySet()) {
                if (!e.getValue().subSet(yFrom, yTo).isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        void add(float x, float y) {
            shown.computeIfAbsent(x, k -> new TreeSet<>()).add(y);
        }
    }

    private static final float[] ODD_VALUES = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-7f};

    private static float place(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return ODD_VALUES[random.nextInt(ODD_VALUES.length)];
        }
        // a coarse grid, so places repeat and fall on each other's range ends
        return (random.nextInt(400) - 50) * 0.25f;
    }

    private static String outcome(Runnable lookup) {
        try {
            lookup.run();
            return "ok";
        } catch (IllegalArgumentException e) {
            return "throws " + e.getMessage();
        }
    }

    @Test
    void answersAsPdfBoxTreeMapsDoOnRandomPagesWithOddFloats() {
        Random random = new Random(20261201L);
        int overlaps = 0;
        int throwsSeen = 0;
        for (int page = 0; page < 300; page++) {
            PdfTextExtractor.ShownPlaces places = new PdfTextExtractor.ShownPlaces();
            TreeReference reference = new TreeReference();
            for (int glyph = 0; glyph < 200; glyph++) {
                float x = place(random);
                float y = place(random);
                float tolerance = random.nextInt(25) == 0 ? -0.5f : random.nextInt(4) * 0.5f;
                boolean[] got = new boolean[1];
                boolean[] expected = new boolean[1];
                String gotOutcome = outcome(() -> got[0] = places.overlaps(x - tolerance, x + tolerance,
                        y - tolerance, y + tolerance));
                String expectedOutcome = outcome(() -> expected[0] = reference.overlaps(x - tolerance,
                        x + tolerance, y - tolerance, y + tolerance));
                assertEquals(expectedOutcome, gotOutcome, "page " + page + " glyph " + glyph);
                if (!expectedOutcome.equals("ok")) {
                    throwsSeen++;
                    continue;
                }
                assertEquals(expected[0], got[0], "page " + page + " glyph " + glyph + " at " + x + "," + y);
                if (expected[0]) {
                    overlaps++;
                } else {
                    places.add(x, y);
                    reference.add(x, y);
                }
            }
        }
        // the random pages did reach both answers and the exception
        assertTrue(overlaps > 1000, "overlaps " + overlaps);
        assertTrue(throwsSeen > 100, "exceptions " + throwsSeen);
    }

    @Test
    void aGlyphDrawnAgainALittleToTheRightOverlapsAndOneAWidthAwayDoesNot() {
        PdfTextExtractor.ShownPlaces places = new PdfTextExtractor.ShownPlaces();
        places.add(100f, 50f);
        places.add(112f, 50f);
        assertTrue(places.overlaps(100.3f - 4f, 100.3f + 4f, 50f - 4f, 50f + 4f));
        assertFalse(places.overlaps(124f - 4f, 124f + 4f, 50f - 4f, 50f + 4f));
        assertFalse(places.overlaps(100f - 4f, 100f + 4f, 62f - 4f, 62f + 4f));
    }

    @Test
    void placesAddedOutOfOrderAreFoundAsInOrder() {
        PdfTextExtractor.ShownPlaces places = new PdfTextExtractor.ShownPlaces();
        for (int i = 40; i >= 0; i--) {
            places.add(i * 10f, i);
        }
        for (int i = 0; i <= 40; i++) {
            assertTrue(places.overlaps(i * 10f - 1, i * 10f + 1, i - 0.5f, i + 0.5f), "place " + i);
            assertFalse(places.overlaps(i * 10f + 4, i * 10f + 6, i - 0.5f, i + 0.5f), "gap after " + i);
        }
    }

    @Test
    void aNegativeWidthThrowsAsPdfBoxRangeViewsDo() {
        PdfTextExtractor.ShownPlaces places = new PdfTextExtractor.ShownPlaces();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> places.overlaps(1f, 0f, 0f, 1f));
        assertEquals("fromKey > toKey", e.getMessage());
    }
}
