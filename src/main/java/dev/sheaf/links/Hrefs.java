package dev.sheaf.links;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Hrefs as every edition may write them: valid URIs (RFC 3986), percent-encoded where the author wrote
 * spaces, non-ASCII letters or stray characters, and only with schemes that are safe in a book.
 */
public final class Hrefs {

    private Hrefs() { }

    /** Characters allowed unencoded anywhere in a URI reference (unreserved, reserved, and '%'). */
    private static final String ALLOWED = "-._~:/?#[]@!$&'()*+,;=";

    /** The scheme of {@code url} in lower case, or empty for a relative reference. */
    public static Optional<String> scheme(String url) {
        String u = url.strip();
        int colon = u.indexOf(':');
        if (colon <= 0 || !u.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return Optional.empty();
        }
        return Optional.of(u.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    /** http, https and mailto: what a reader of a book can safely follow. */
    public static boolean safeScheme(String scheme) {
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
    }

    /**
     * {@code url} percent-encoded into a valid URI: existing {@code %XX} escapes kept, every other character
     * outside {@link #ALLOWED} and the ASCII letters and digits encoded as UTF-8; only the first '#' starts the
     * fragment. Empty when even that does not parse (a broken host, an impossible port).
     */
    public static Optional<String> encode(String url) {
        String u = url.strip();
        StringBuilder sb = new StringBuilder(u.length() + 16);
        boolean inFragment = false;
        for (int i = 0; i < u.length(); ) {
            int cp = u.codePointAt(i);
            int len = Character.charCount(cp);
            if (cp == '%' && i + 2 < u.length() + 0 && isHex(u, i + 1) && isHex(u, i + 2)) {
                sb.append(u, i, i + 3);
                i += 3;
                continue;
            }
            boolean plain = cp < 128 && (Character.isLetterOrDigit(cp) || ALLOWED.indexOf(cp) >= 0);
            if (cp == '#') {
                plain = !inFragment;
                inFragment = true;
            } else if (cp == '[' || cp == ']') {
                plain = false; // only legal around IPv6 hosts, which no book links to
            }
            if (plain) {
                sb.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
            i += len;
        }
        String out = sb.toString();
        try {
            URI parsed = new URI(out);
            if (parsed.isAbsolute() && !parsed.getScheme().equalsIgnoreCase("mailto") && parsed.getHost() == null
                    && parsed.getRawAuthority() != null) {
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Decodes {@code %XX} escapes (as UTF-8); malformed escapes are kept as written. */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() + 0 && isHex(s, i + 1) && isHex(s, i + 2)) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
