package dev.sheaf.cli;

import picocli.CommandLine.Model.CommandSpec;

/** {@code --diagnostics text|json}, shared by build and check. */
final class DiagnosticsFormat {

    enum Format { text, json }

    Format format = Format.text;

    boolean json() {
        return format == Format.json;
    }

    /** The option added to a model written in code ({@link CodedModel}); returns what it sets. */
    static DiagnosticsFormat addTo(CommandSpec spec) {
        DiagnosticsFormat d = new DiagnosticsFormat();
        spec.addOption(CodedModel.option(Format.class, () -> d.format, f -> d.format = f, "FORMAT",
                "How problems are printed: text (path:line:col: error: …, on standard error) or json "
                        + "(one JSON object per line on standard output, every severity; see the README).",
                "--diagnostics").defaultValue("text").build());
        return d;
    }
}
