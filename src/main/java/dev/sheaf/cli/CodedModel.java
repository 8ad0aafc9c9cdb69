package dev.sheaf.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * picocli models written in code, for the commands run most ({@code sheaf}, {@code build}, {@code check}).
 * picocli reads annotations through reflection at every start, and the JDK makes a proxy class for each
 * annotation type it reads (none of them kept in a class-data archive): that was the largest item of a small
 * book's {@code sheaf check} outside the libraries. A model built with picocli's programmatic API reads no
 * annotation. Each option's initial value is read from its getter, as picocli reads an annotated field's (and
 * sets again before each parse). The texts are those the annotations gave; {@code UsageTextTest} keeps every help text and usage
 * error as it was, and the other commands keep their annotations.
 */
final class CodedModel {

    private CodedModel() {
    }

    /** A command named {@code name} run by {@code command}; its options follow, then {@link #standardHelp}. */
    static CommandSpec command(String name, Object command, String description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name);
        spec.usageMessage().description(description);
        return spec;
    }

    /**
     * picocli's -h and -V with its own texts, after the command's options as {@code mixinStandardHelpOptions} adds
     * them (which would read them from annotations); the manual pages and completion scripts list them in that order.
     */
    static CommandSpec standardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class)
                .description("Print version information and exit.").build());
        return spec;
    }

    /** The optional book folder every book command takes first. */
    static PositionalParamSpec bookDir(Supplier<Path> get, Consumer<Path> set) {
        return PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("BOOK_DIR").type(Path.class)
                .description("Folder with book.yaml and chapters/ (default: the current folder).")
                .initialValue(get.get()).getter(getter(get)).setter(setter(get, set)).build();
    }

    /** An option without a value. */
    static OptionSpec flag(Supplier<Boolean> get, Consumer<Boolean> set, String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).description(description)
                .initialValue(get.get()).getter(getter(get)).setter(setter(get, set)).build();
    }

    /** An option with one value of {@code type}. */
    static <V> OptionSpec.Builder option(Class<V> type, Supplier<V> get, Consumer<V> set, String label,
                                        String description, String... names) {
        return OptionSpec.builder(names).type(type).paramLabel(label).description(description)
                .initialValue(get.get()).getter(getter(get)).setter(setter(get, set));
    }

    static IGetter getter(Supplier<?> get) {
        return new IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get() {
                return (T) get.get();
            }
        };
    }

    static <V> ISetter setter(Supplier<V> get, Consumer<V> set) {
        return new ISetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T set(T value) {
                T old = (T) get.get();
                set.accept((V) value);
                return old;
            }
        };
    }
}
