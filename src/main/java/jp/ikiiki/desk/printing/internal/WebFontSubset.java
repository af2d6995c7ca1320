package jp.ikiiki.desk.printing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * A small TrueType font holding only some characters of IPAmj Mincho, for the console's screens. FontBox's
 * {@link TTFSubsetter} copies the glyphs; it writes only a format 4 (BMP) cmap, so the cmap (format 12, which carries
 * 𠮷 U+20BB7 and the other characters beyond the BMP) and the naming table are written here.
 *
 * <p>IPA Font License, Article 3(1)(4): a derived program must not use the licensed program's name as its program,
 * font or file name. The subset is therefore named {@value #FAMILY} in its naming table and served under that name;
 * the naming table's copyright and licence entries say that it is derived from IPAmj Mincho under that licence and
 * how to get the original (Article 3(1)(2)).
 */
public final class WebFontSubset {

	/** The subset's font family name (not the licensed program's name). */
	public static final String FAMILY = "IkiikiGaiji";

	private static final String NOTICE = "Derived from IPAmj Mincho (c) Information-technology Promotion Agency, Japan"
			+ " (IPA), under the IPA Font License Agreement v1.0; only some glyphs kept. The original: the Debian"
			+ " package fonts-ipamj-mincho or https://moji.or.jp/mojikiban/font/";
	private static final String LICENSE = "This font is licensed under the IPA Font License Agreement v1.0"
			+ " (served next to it as IPA_Font_License_Agreement_v1.0.txt).";

	private WebFontSubset() {
	}

	/**
	 * The subset of {@code font} holding the given code points (those the font lacks are left out).
	 *
	 * @return the TrueType file's bytes
	 */
	public static byte[] of(TrueTypeFont font, SortedSet<Integer> codePoints) {
		try {
			CmapLookup cmap = font.getUnicodeCmapLookup();
			TTFSubsetter subsetter = new TTFSubsetter(font,
					List.of("head", "hhea", "maxp", "OS/2", "post", "glyf", "loca", "hmtx"));
			TreeMap<Integer, Integer> oldGids = new TreeMap<>();
			for (int cp : codePoints) {
				int gid = cmap.getGlyphId(cp);
				if (gid != 0) {
					oldGids.put(cp, gid);
					subsetter.addGlyphIds(java.util.Set.of(gid));
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			subsetter.writeToStream(out);
			Map<Integer, Integer> newToOld = subsetter.getGIDMap();
			Map<Integer, Integer> oldToNew = new TreeMap<>();
			newToOld.forEach((n, o) -> oldToNew.put(o, n));
			TreeMap<Integer, Integer> mapping = new TreeMap<>();
			oldGids.forEach((cp, old) -> mapping.put(cp, oldToNew.get(old)));
			TreeMap<String, byte[]> tables = readTables(out.toByteArray());
			tables.put("cmap", cmap12(mapping));
			tables.put("name", names());
			return writeTables(tables);
		}
		catch (IOException e) {
			throw new UncheckedIOException("IPAmj Mincho subset cannot be written", e);
		}
	}

	/** The code points that the font maps to a glyph, out of those given. */
	public static SortedSet<Integer> covered(TrueTypeFont font, SortedSet<Integer> codePoints) {
		try {
			CmapLookup cmap = font.getUnicodeCmapLookup();
			SortedSet<Integer> out = new TreeSet<>();
			for (int cp : codePoints) {
				if (cmap.getGlyphId(cp) != 0) {
					out.add(cp);
				}
			}
			return out;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Font has no Unicode cmap", e);
		}
	}

	private static byte[] cmap12(TreeMap<Integer, Integer> mapping) {
		List<int[]> groups = new ArrayList<>();
		for (Map.Entry<Integer, Integer> e : mapping.entrySet()) {
			int[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
			if (last != null && last[1] + 1 == e.getKey() && last[2] + (last[1] - last[0]) + 1 == e.getValue()) {
				last[1] = e.getKey();
			}
			else {
				groups.add(new int[] { e.getKey(), e.getKey(), e.getValue() });
			}
		}
		int subtableLength = 16 + 12 * groups.size();
		ByteBuffer b = ByteBuffer.allocate(4 + 8 * 2 + subtableLength);
		b.putShort((short) 0).putShort((short) 2);
		// Unicode full repertoire (0/4) and Windows UCS-4 (3/10) share the one subtable.
		b.putShort((short) 0).putShort((short) 4).putInt(20);
		b.putShort((short) 3).putShort((short) 10).putInt(20);
		b.putShort((short) 12).putShort((short) 0).putInt(subtableLength).putInt(0).putInt(groups.size());
		for (int[] g : groups) {
			b.putInt(g[0]).putInt(g[1]).putInt(g[2]);
		}
		return b.array();
	}

	private static byte[] names() {
		String[] values = { NOTICE, FAMILY, "Regular", FAMILY + "-Regular-subset", FAMILY + " Regular", "Version 1.0",
				FAMILY + "-Regular", null, null, null, null, null, null, LICENSE };
		List<int[]> records = new ArrayList<>();
		ByteArrayOutputStream strings = new ByteArrayOutputStream();
		for (int id = 0; id < values.length; id++) {
			if (values[id] == null) {
				continue;
			}
			byte[] s = values[id].getBytes(StandardCharsets.UTF_16BE);
			records.add(new int[] { id, s.length, strings.size() });
			strings.writeBytes(s);
		}
		ByteBuffer b = ByteBuffer.allocate(6 + 12 * records.size() + strings.size());
		b.putShort((short) 0).putShort((short) records.size()).putShort((short) (6 + 12 * records.size()));
		for (int[] r : records) {
			b.putShort((short) 3).putShort((short) 1).putShort((short) 0x409).putShort((short) r[0])
					.putShort((short) r[1]).putShort((short) r[2]);
		}
		b.put(strings.toByteArray());
		return b.array();
	}

	private static TreeMap<String, byte[]> readTables(byte[] font) {
		ByteBuffer b = ByteBuffer.wrap(font);
		int count = b.getShort(4) & 0xFFFF;
		TreeMap<String, byte[]> tables = new TreeMap<>();
		for (int i = 0; i < count; i++) {
			int at = 12 + 16 * i;
			String tag = new String(font, at, 4, StandardCharsets.US_ASCII);
			int offset = b.getInt(at + 8);
			int length = b.getInt(at + 12);
			byte[] t = new byte[length];
			System.arraycopy(font, offset, t, 0, length);
			tables.put(tag, t);
		}
		return tables;
	}

	/** The font file: tables in tag order, 4-byte aligned, with their checksums and head's checkSumAdjustment. */
	private static byte[] writeTables(TreeMap<String, byte[]> tables) {
		int n = tables.size();
		int entrySelector = 31 - Integer.numberOfLeadingZeros(n);
		int searchRange = (1 << entrySelector) * 16;
		int size = 12 + 16 * n;
		for (byte[] t : tables.values()) {
			size += (t.length + 3) & ~3;
		}
		byte[] head = tables.get("head");
		ByteBuffer.wrap(head).putInt(8, 0);
		ByteBuffer b = ByteBuffer.allocate(size);
		b.putInt(0x00010000).putShort((short) n).putShort((short) searchRange).putShort((short) entrySelector)
				.putShort((short) (n * 16 - searchRange));
		int offset = 12 + 16 * n;
		int headOffset = 0;
		for (Map.Entry<String, byte[]> e : tables.entrySet()) {
			byte[] t = e.getValue();
			b.put(e.getKey().getBytes(StandardCharsets.US_ASCII)).putInt((int) checksum(t, 0, t.length))
					.putInt(offset).putInt(t.length);
			if (e.getKey().equals("head")) {
				headOffset = offset;
			}
			offset += (t.length + 3) & ~3;
		}
		for (byte[] t : tables.values()) {
			b.put(t);
			b.position((b.position() + 3) & ~3);
		}
		byte[] font = b.array();
		long adjustment = 0xB1B0AFBAL - checksum(font, 0, font.length);
		ByteBuffer.wrap(font).putInt(headOffset + 8, (int) adjustment);
		return font;
	}

	private static long checksum(byte[] data, int from, int length) {
		long sum = 0;
		for (int i = from; i < from + length; i += 4) {
			long word = 0;
			for (int j = 0; j < 4; j++) {
				word = (word << 8) | (i + j < from + length ? data[i + j] & 0xFF : 0);
			}
			sum = (sum + word) & 0xFFFFFFFFL;
		}
		return sum;
	}
}
