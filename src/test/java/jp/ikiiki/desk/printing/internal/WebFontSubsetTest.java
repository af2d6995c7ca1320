package jp.ikiiki.desk.printing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.SortedSet;
import java.util.TreeSet;
import jp.ikiiki.desk.shared.JapaneseFonts;
import jp.ikiiki.desk.shared.JapaneseFonts.Face;
import jp.ikiiki.desk.subjects.MailingSubject;
import org.apache.fontbox.ttf.NameRecord;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's subset of IPAmj Mincho: only the characters IPAex lacks, small, with its own name. */
class WebFontSubsetTest {

	static final int YOSHI = 0x20BB7; // 𠮷, CJK Extension B: not in JIS X 0213, so not in IPAex

	@BeforeEach
	void ipamjInstalled() {
		assumeTrue(Ipamj.debian().available(), "IPAmj Mincho not installed at " + Ipamj.DEBIAN_PATH
				+ " (apt-get install fonts-ipamj-mincho; the build's ensure-test-tools.sh does it as root): skipped");
	}

	@Test
	void the_subset_of_a_subject_named_yoshida_holds_the_glyph_of_yoshi_and_nothing_ipaex_has() throws IOException {
		SortedSet<Integer> needed = new TreeSet<>();
		MailingSubject s = new MailingSubject("9900000001", null, "𠮷田　髙子", "ヨシダ　タカコ", "7300011",
				"広島市中区基町10-52", null, true, true, false, null, false, false, false, null, null, null, null);
		ScreenFontSubset.collect(s, JapaneseFonts.parse(Face.GOTHIC).getUnicodeCmapLookup(),
				JapaneseFonts.parse(Face.MINCHO).getUnicodeCmapLookup(), needed);
		assertThat(needed).containsExactly(YOSHI);

		byte[] bytes;
		try (TrueTypeFont ipamj = Ipamj.debian().parse()) {
			bytes = WebFontSubset.of(ipamj, needed);
		}
		assertThat(bytes.length).as("bytes of the subset").isBetween(200, 20_000);
		try (TrueTypeFont subset = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
			int gid = subset.getUnicodeCmapLookup().getGlyphId(YOSHI);
			assertThat(gid).isNotZero();
			assertThat(subset.getGlyph().getGlyph(gid).getPath().getBounds2D().getWidth()).isPositive();
			for (int cp : "田髙広島市中区ヨシダ".codePoints().toArray()) {
				assertThat(subset.getUnicodeCmapLookup().getGlyphId(cp)).as("U+%X", cp).isZero();
			}
			assertThat(subset.getNumberOfGlyphs()).isEqualTo(2);
			// IPA Font License 3(1)(4): the derived font does not carry the licensed program's name.
			assertThat(subset.getName()).isEqualTo("IkiikiGaiji-Regular");
			for (NameRecord r : subset.getNaming().getNameRecords()) {
				if (r.getNameId() >= 1 && r.getNameId() <= 6) {
					assertThat(r.getString()).doesNotContainIgnoringCase("IPAmj");
				}
			}
		}
	}

	@Test
	void the_subset_keeps_several_characters_beyond_the_bmp_each_with_its_own_glyph() throws IOException {
		SortedSet<Integer> cps = new TreeSet<>(java.util.List.of(YOSHI, 0x2000B, 0x20089));
		try (TrueTypeFont ipamj = Ipamj.debian().parse();
				TrueTypeFont subset = new TTFParser().parse(new RandomAccessReadBuffer(WebFontSubset.of(ipamj, cps)))) {
			for (int cp : cps) {
				int gid = subset.getUnicodeCmapLookup().getGlyphId(cp);
				assertThat(gid).as("U+%X", cp).isNotZero();
				assertThat(subset.getGlyph().getGlyph(gid).getPath().getBounds2D())
						.isEqualTo(ipamj.getGlyph().getGlyph(ipamj.getUnicodeCmapLookup().getGlyphId(cp)).getPath()
								.getBounds2D());
			}
		}
	}
}
