package dev.sheaf.model;

import java.nio.file.Path;

/**
 * A font file the editions embed.
 *
 * @param family CSS family name, e.g. "Noto Serif"
 * @param style  "normal" or "italic"
 * @param weight CSS weight, e.g. 400 or 700
 * @param cjk    true for a fallback font used only for Chinese, Japanese and Korean runs
 */
public record FontFace(Path file, String family, String style, int weight, boolean cjk) { }
