package jp.ikiiki.desk.printing.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;

/**
 * Which characters of a text must not be printed as they are (第3章1): ・ ■ 〓 (and the half-width ･), control
 * characters, and every character a font's Unicode cmap has no glyph for. A character is a code point (a surrogate
 * pair counts as one) together with the variation selectors that follow it: PDFBox draws the base glyph only, so a
 * character with a variation selector (an IVS such as 葛󠄀) is always reported — the city decides whether the base glyph
 * is acceptable. A stray variation selector is reported too.
 */
public final class Printability {

	/** Placeholder characters the city's files use for what they could not write (第3章1). */
	public static final Set<Integer> PLACEHOLDERS = Set.of(0x30FB, 0xFF65, 0x25A0, 0x3013);

	private Printability() {
	}

	/** The text split into characters: each code point with the variation selectors that follow it. */
	public static List<String> characters(String text) {
		List<String> out = new ArrayList<>(text.length());
		int i = 0;
		while (i < text.length()) {
			int start = i;
			i += Character.charCount(text.codePointAt(i));
			while (i < text.length() && isVariationSelector(text.codePointAt(i))) {
				i += Character.charCount(text.codePointAt(i));
			}
			out.add(text.substring(start, i));
		}
		return out;
	}

	/** True for U+FE00–FE0F, U+E0100–E01EF and the Mongolian free variation selectors U+180B–180D. */
	public static boolean isVariationSelector(int cp) {
		return cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF || cp >= 0x180B && cp <= 0x180D;
	}

	/**
	 * The characters of {@code text} that must not be printed with these fonts, each once, in order of appearance.
	 *
	 * @param cmaps the Unicode cmaps of every font the text prints with
	 */
	public static List<String> offending(String text, Collection<CmapLookup> cmaps) {
		return offending(text, cmaps, true);
	}

	/**
	 * @param placeholders whether ・ ■ 〓 count: they do in names and addresses from the city's files, not in texts
	 *                     such as a ticket type (バス・電車券)
	 */
	public static List<String> offending(String text, Collection<CmapLookup> cmaps, boolean placeholders) {
		Set<String> found = null;
		for (String c : characters(text)) {
			if (!printable(c, cmaps) && (placeholders || !PLACEHOLDERS.contains(c.codePointAt(0)) || c.length() > 1
					|| !glyphs(c.codePointAt(0), cmaps))) {
				if (found == null) {
					found = new LinkedHashSet<>();
				}
				found.add(c);
			}
		}
		return found == null ? List.of() : List.copyOf(found);
	}

	/** True if the character may print as it is with every one of the fonts. */
	public static boolean printable(String character, Collection<CmapLookup> cmaps) {
		int cp = character.codePointAt(0);
		if (character.length() > Character.charCount(cp) || isVariationSelector(cp) || PLACEHOLDERS.contains(cp)
				|| Character.isISOControl(cp) || Character.getType(cp) == Character.PRIVATE_USE
				|| Character.getType(cp) == Character.UNASSIGNED) {
			return false;
		}
		return glyphs(cp, cmaps);
	}

	private static boolean glyphs(int cp, Collection<CmapLookup> cmaps) {
		for (CmapLookup cmap : cmaps) {
			if (cmap.getGlyphId(cp) == 0) {
				return false;
			}
		}
		return true;
	}
}
