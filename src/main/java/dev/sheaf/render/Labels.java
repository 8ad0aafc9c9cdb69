package dev.sheaf.render;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The words the editions print around the author's text, in the book's language where translated. */
public final class Labels {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Labels(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("dev.sheaf.render.Labels", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Every label, to know which characters the editions print around the author's text. */
    public java.util.List<String> all() {
        return bundle.keySet().stream().sorted().map(bundle::getString).toList();
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
