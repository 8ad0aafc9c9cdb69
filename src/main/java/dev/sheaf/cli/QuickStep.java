package dev.sheaf.cli;

import dev.sheaf.core.Sheaf;
import dev.sheaf.render.Renderer;

import java.util.List;

/** When a rebuild writes the quick editions first ({@link dev.sheaf.core.BuildRequest#asQuickStep()}). */
final class QuickStep {

    private QuickStep() { }

    /**
     * Whether a rebuild of {@code formats} (empty: all) starts with a quick step: when some of them are written in
     * it. The full build follows when the quick step leaves work to it ({@link Sheaf#fullBuildNeeded()}: formats
     * laid out for print, exports, or print page numbers taken from the previous layout, as with {@code
     * print-page-numbers: always} and the EPUB alone); otherwise the quick step was the whole rebuild.
     */
    static boolean worthIt(Sheaf sheaf, List<String> formats) {
        return sheaf.registry().all().stream()
                .filter(r -> formats.isEmpty() || formats.contains(r.id())).anyMatch(Renderer::inQuickStep);
    }
}
