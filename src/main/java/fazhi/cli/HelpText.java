package fazhi.cli;

import fazhi.warehouse.TextWidth;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Help text that wraps at spaces only. picocli wraps with the JDK's line break rules, which break after a '.' or
 * a '/' inside a word: {@code manifest.} / {@code csv}, {@code 127.} / {@code 0.0.1}, {@code `.} / {@code /fazhi}.
 * Every description is split here into lines that fit, so that picocli never needs to break one.
 */
final class HelpText {
    private HelpText() {
    }

    /** Installs the wrapping on a command line and every subcommand of it. */
    static void install(CommandLine cli) {
        cli.setHelpFactory(HelpText::create);
    }

    private static Help create(CommandSpec spec, ColorScheme colors) {
        int width = spec.usageMessage().width() - 1;
        spec.usageMessage().description(wrapAll(SqlCommand.withTableNames(spec.usageMessage().description()), width));
        spec.usageMessage().footer(wrapAll(spec.usageMessage().footer(), width));
        return new Help(spec, colors) {
            @Override
            public Layout createDefaultLayout() {
                Layout layout = super.createDefaultLayout();
                Column[] columns = layout.textTable().columns();
                Column description = columns[columns.length - 1];
                int fits = description.width - description.indent - 1;
                Help.IOptionRenderer options = layout.optionRenderer();
                Help.IParameterRenderer parameters = layout.parameterRenderer();
                return new Layout(colors, layout.textTable(),
                        (option, labels, scheme) -> wrapLastColumn(options.render(option, labels, scheme), fits, scheme),
                        (param, labels, scheme) -> wrapLastColumn(parameters.render(param, labels, scheme), fits, scheme));
            }
        };
    }

    /** The rows of an option's help with the description (the last column) split into lines that fit. */
    private static Text[][] wrapLastColumn(Text[][] rows, int width, ColorScheme scheme) {
        List<Text[]> out = new ArrayList<>();
        for (Text[] row : rows) {
            int last = row.length - 1;
            List<String> lines = wrap(row[last].plainString(), width);
            for (int i = 0; i < lines.size(); i++) {
                Text[] r = i == 0 ? row.clone() : emptyRow(row.length, scheme);
                r[last] = scheme.text(lines.get(i));
                out.add(r);
            }
        }
        return out.toArray(Text[][]::new);
    }

    private static Text[] emptyRow(int columns, ColorScheme scheme) {
        Text[] row = new Text[columns];
        Arrays.fill(row, scheme.text(""));
        return row;
    }

    /** Each paragraph (an element, or a part of one between %n) split into lines of at most {@code width}. */
    static String[] wrapAll(String[] paragraphs, int width) {
        List<String> lines = new ArrayList<>();
        for (String p : paragraphs) {
            for (String part : p.split("%n", -1)) {
                lines.addAll(wrap(part, width));
            }
        }
        return lines.toArray(String[]::new);
    }

    /**
     * A line split at spaces into lines of at most {@code width} columns (a Chinese character counts two); a
     * continuation of an indented line (an example) is indented two more, so that it reads as one. A single
     * word longer than the width stays whole.
     */
    static List<String> wrap(String line, int width) {
        if (TextWidth.of(line) <= width) {
            return List.of(line);
        }
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder(indent);
        boolean empty = true;
        for (String word : line.strip().split(" +")) {
            if (!empty && TextWidth.of(current.toString()) + 1 + TextWidth.of(word) > width) {
                lines.add(current.toString());
                current = new StringBuilder(indent).append(indent.isEmpty() ? "" : "  ");
                empty = true;
            }
            if (!empty) {
                current.append(' ');
            }
            current.append(word);
            empty = false;
        }
        lines.add(current.toString());
        return lines;
    }
}
