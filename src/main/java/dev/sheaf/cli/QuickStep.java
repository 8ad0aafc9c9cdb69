package dev.sheaf.cli;

import dev.sheaf.core.Sheaf;
import dev.sheaf.render.Renderer;

import java.util.List;

/** When a rebuild writes the quick editions first ({@link dev.sheaf.core.BuildRequest#asQuickStep()}). */
final class QuickStep {

    private QuickStep() { }

    /** Whether {@code formats} (empty: all) hold both formats laid out for print and formats of the quick step. */
    static boolean worthIt(Sheaf sheaf, List<String> formats) {
        List<Renderer> chosen = sheaf.registry().all().stream()
                .filter(r -> formats.isEmpty() || formats.contains(r.id())).toList();
        return chosen.stream().anyMatch(Renderer::laidOutForPrint) && chosen.stream().anyMatch(Renderer::inQuickStep);
    }
}
