package dev.sheaf.cli;

import dev.sheaf.core.Sheaf;
import dev.sheaf.render.Renderer;

import java.util.List;

/** When a rebuild writes the quick editions first ({@link dev.sheaf.core.BuildRequest#asQuickStep()}). */
final class QuickStep {

    private QuickStep() { }

    /** Whether {@code formats} (empty: all) hold both formats laid out for print and others. */
    static boolean worthIt(Sheaf sheaf, List<String> formats) {
        List<Renderer> chosen = sheaf.registry().all().stream()
                .filter(r -> formats.isEmpty() || formats.contains(r.id())).toList();
        long print = chosen.stream().filter(Renderer::laidOutForPrint).count();
        return print > 0 && print < chosen.size();
    }
}
