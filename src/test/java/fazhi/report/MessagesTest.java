package fazhi.report;

import fazhi.report.Messages.Lang;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** schema/messages.csv: both languages of every message, with the same arguments, and every key the code asks for. */
class MessagesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+}");
    private static final Pattern TAG = Pattern.compile("</?[a-z]+[^>]*>");
    /** A key the code names literally: m.text("..."), m.html("..."), messages.text("..."). */
    private static final Pattern KEY_USE = Pattern.compile("\\b(?:m|messages)\\.(?:text|html)\\(\"([a-z_.0-9]+)\"\\s*[,)]");

    @Test
    void everyMessageHasTheSameArgumentsAndMarkupInBothLanguages() {
        Map<String, String> en = Messages.of(Lang.en).all();
        Map<String, String> zh = Messages.of(Lang.zh).all();
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        for (String key : en.keySet()) {
            assertThat(set(ARGUMENT, zh.get(key))).as("arguments of %s", key).isEqualTo(set(ARGUMENT, en.get(key)));
            assertThat(set(TAG, zh.get(key))).as("markup of %s", key).isEqualTo(set(TAG, en.get(key)));
        }
    }

    @Test
    void everyKeyTheReportAndRankAskForIsInTheFile() throws Exception {
        List<String> missing = new ArrayList<>();
        int used = 0;
        for (Path dir : List.of(Path.of("src/main/java/fazhi/report"), Path.of("src/main/java/fazhi/cli"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY_USE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        used++;
                        if (!Messages.of(Lang.zh).all().containsKey(m.group(1))) {
                            missing.add(f.getFileName() + ": " + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(used).isGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    @Test
    void argumentsAreFilledAndEscapedOnlyInHtml() {
        Messages zh = Messages.of(Lang.zh);
        assertThat(zh.text("ranking.h3", 2023)).isEqualTo("2023年区县排名");
        assertThat(zh.html("report.meta.warehouse", "<wh>")).isEqualTo("数据仓库 <code>&lt;wh&gt;</code>");
        assertThat(zh.text("rank.not_ranked", "<x>")).isEqualTo("未排名：<x>");
        assertThat(zh.textOr("correction_status.", "needs_review")).isEqualTo("待复核");
        assertThat(zh.textOr("correction_status.", "withdrawn")).isEqualTo("withdrawn");
        assertThat(catchThrowable(() -> zh.text("no.such.key"))).hasMessageContaining("no.such.key");
    }

    @Test
    void aRowWithoutItsChineseIsRejectedWithItsLine() {
        Throwable e = catchThrowable(() -> Messages.parse("key,en,zh\na,\"x, y\",甲\nb,only english,\n"));
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3");
        assertThat(catchThrowable(() -> Messages.parse("key,en,zh\na,x,甲\na,y,乙\n"))).hasMessageContaining("twice");
    }

    private static TreeSet<String> set(Pattern p, String s) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
