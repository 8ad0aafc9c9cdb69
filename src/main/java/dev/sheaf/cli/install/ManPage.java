package dev.sheaf.cli.install;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A manual page in roff ({@code man 1 sheaf-build}) written from the picocli model, so the page says
 * exactly what {@code --help} says. picocli-codegen's generator writes AsciiDoc, which would need
 * Asciidoctor at build time; the man(7) macros needed here are few.
 */
public final class ManPage {

    private final CommandSpec spec;
    private final String version;
    private final String date;

    /** @param date the page's date, "2026-01-01": the build's fixed timestamp keeps the pages reproducible */
    public ManPage(CommandSpec spec, String version, String date) {
        this.spec = spec;
        this.version = version;
        this.date = date;
    }

    /** "sheaf" or "sheaf-build": the page's name, as {@code man} looks it up. */
    public static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    public String render() {
        StringBuilder r = new StringBuilder();
        String name = pageName(spec);
        r.append(".\\\" Generated from the command line's own definition; do not edit.\n");
        r.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" \"1\" \"").append(date)
                .append("\" \"Sheaf ").append(escape(version)).append("\" \"Sheaf Manual\"\n");
        r.append(".SH NAME\n").append(escape(name)).append(" \\- ")
                .append(escape(firstSentence(String.join(" ", spec.usageMessage().description())))).append('\n');

        r.append(".SH SYNOPSIS\n.B ").append(escape(spec.qualifiedName(" "))).append('\n');
        for (OptionSpec o : visibleOptions()) {
            r.append("[\\fB").append(escape(o.longestName())).append("\\fR");
            if (o.arity().max() > 0) {
                r.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
            }
            r.append("]\n");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                boolean optional = p.arity().min() == 0;
                r.append(optional ? "[" : "").append("\\fI").append(escape(p.paramLabel())).append("\\fR")
                        .append(optional ? "]" : "").append('\n');
            }
        }
        if (!spec.subcommands().isEmpty()) {
            r.append("\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n");
        }

        r.append(".SH DESCRIPTION\n").append(escapeLines(String.join(" ", spec.usageMessage().description())))
                .append('\n');

        if (!spec.subcommands().isEmpty()) {
            r.append(".SH COMMANDS\n");
            for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
                CommandSpec sub = e.getValue().getCommandSpec();
                if (sub.usageMessage().hidden() || !e.getKey().equals(sub.name())) {
                    continue;
                }
                r.append(".TP\n.B ").append(escape(sub.name())).append('\n')
                        .append(escapeLines(String.join(" ", sub.usageMessage().description()))).append('\n');
                if (sub.subcommands().isEmpty() && !sub.name().equals("help")) {
                    r.append("See \\fB").append(escape(pageName(sub))).append("\\fR(1).\n");
                }
            }
        }

        List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!params.isEmpty()) {
            r.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : params) {
                r.append(".TP\n.I ").append(escape(p.paramLabel())).append('\n')
                        .append(escapeLines(String.join(" ", p.description()))).append('\n');
            }
        }

        List<OptionSpec> options = visibleOptions();
        if (!options.isEmpty()) {
            r.append(".SH OPTIONS\n");
            for (OptionSpec o : options) {
                r.append(".TP\n");
                StringBuilder names = new StringBuilder();
                for (String n : o.names()) {
                    names.append(names.length() == 0 ? "" : ", ").append("\\fB").append(escape(n)).append("\\fR");
                }
                if (o.arity().max() > 0) {
                    names.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
                }
                r.append(names).append('\n').append(escapeLines(String.join(" ", o.description()))).append('\n');
            }
        }

        r.append(".SH EXIT STATUS\n")
                .append(".TP\n.B 0\nSuccess.\n")
                .append(".TP\n.B 1\nThe book has errors (nothing is written then), or the build failed.\n")
                .append(".TP\n.B 2\nThe command line is wrong.\n");
        r.append(".SH SEE ALSO\n");
        String self = pageName(spec);
        String seeAlso = spec.root().subcommands().values().stream()
                .map(c -> c.getCommandSpec())
                .filter(c -> c.subcommands().isEmpty() && !c.name().equals("help"))
                .map(ManPage::pageName)
                .distinct()
                .filter(n -> !n.equals(self))
                .map(n -> "\\fB" + escape(n) + "\\fR(1)")
                .reduce((a, b) -> a + ", " + b).orElse("");
        String root = pageName(spec.root());
        r.append(root.equals(self) ? "" : "\\fB" + escape(root) + "\\fR(1)" + (seeAlso.isEmpty() ? "" : ", "))
                .append(seeAlso).append('\n');
        return r.toString();
    }

    private List<OptionSpec> visibleOptions() {
        return spec.options().stream().filter(o -> !o.hidden()).toList();
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        String s = dot < 0 ? text : text.substring(0, dot + 1);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Text for a paragraph: no line may start with a control character. */
    private static String escapeLines(String text) {
        String e = escape(text);
        return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
    }

    /** roff escapes: backslashes, and minus signs so that options can be copied and searched for. */
    static String escape(String text) {
        return text.replace("\\", "\\e").replace("-", "\\-").replace("\n", " ");
    }
}
