package jp.ikiiki.desk.printing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.ikiiki.desk.printing.internal.Ipamj;
import jp.ikiiki.desk.printing.internal.ScreenFontSubset;
import jp.ikiiki.desk.subjects.MailingSubject;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.subjects.SubjectRoster;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A subject named 𠮷田 (U+20BB7: CJK Extension B, beyond the bundled IPAex fonts) with IPAmj Mincho installed: the
 * console's served web font subset holds it, and a printed form shows it as itself, with no 外字 decision needed.
 * The subjects module is replaced (its roster and look-up), so the test makes its own subject.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ScreenFontApiIT {

	static final String YOSHIDA = "𠮷田　花子";

	@Autowired
	MockMvc mvc;
	@Autowired
	ScreenFontSubset subset;
	@MockitoBean
	SubjectRoster roster;
	@MockitoBean
	SubjectImportHistory history;
	@MockitoBean
	SubjectLookup subjects;

	@BeforeEach
	void aSubjectNamedYoshida() {
		assumeTrue(Ipamj.debian().available(), "IPAmj Mincho not installed at " + Ipamj.DEBIAN_PATH
				+ " (apt-get install fonts-ipamj-mincho; the build's ensure-test-tools.sh does it as root): skipped");
		MailingSubject s = new MailingSubject("9900000101", "2024000101", YOSHIDA, "ヨシダ　ハナコ", "7300011",
				"広島市中区基町10-52", null, true, true, false, null, false, false, false, null, null, null, null);
		doAnswer(inv -> {
			if (inv.getArgument(0) == SubjectRoster.Source.INDEX) {
				inv.<Consumer<MailingSubject>>getArgument(1).accept(s);
			}
			return null;
		}).when(roster).forEach(any(), any());
		when(subjects.find(any(), any())).thenReturn(Optional.empty());
		when(subjects.find(eq("9900000101"), any())).thenReturn(Optional.of(new SubjectDetail("9900000101",
				"2024000101", "ヨシダ　ハナコ", YOSHIDA, null, "女", LocalDate.of(1945, 4, 1), 81, 101, "中区",
				new SubjectDetail.Address("7300011", "広島市中区基町10-52", "いきいき荘201号"), null, null, null, null,
				null, null, List.of(), null)));
	}

	@Test
	void a_subject_named_yoshida_puts_u_20bb7_into_the_served_subset_under_a_versioned_url() throws Exception {
		subset.refresh();
		String css = mvc.perform(get("/styles/gaiji.css")).andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-cache")))
				.andReturn().getResponse().getContentAsString();
		assertThat(css).contains("font-family: \"IkiikiGaiji\"", "unicode-range: U+20BB7;");
		Matcher m = Pattern.compile("fonts/gaiji-([0-9a-f]+)\\.ttf").matcher(css);
		assertThat(m.find()).isTrue();
		byte[] font = mvc.perform(get("/fonts/gaiji-" + m.group(1) + ".ttf")).andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=31536000")))
				.andReturn().getResponse().getContentAsByteArray();
		assertThat(font.length).isLessThan(20_000);
		try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
			assertThat(ttf.getUnicodeCmapLookup().getGlyphId(0x20BB7)).isNotZero();
			assertThat(ttf.getUnicodeCmapLookup().getGlyphId('田')).isZero();
		}
		mvc.perform(get("/fonts/gaiji-0000000000000000.ttf")).andExpect(status().isNotFound());
	}

	@Test
	void a_booklet_cover_for_yoshida_prints_yoshi_as_itself_without_a_gaiji_decision() throws Exception {
		byte[] pdf = mvc.perform(get("/api/forms/booklet-cover/sample.pdf").with(user("op").roles("OPERATOR"))
				.param("subject", "9900000101")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		Path out = Path.of("target/screenshots/gaiji-booklet-cover.pdf");
		Files.createDirectories(out.getParent());
		Files.write(out, pdf);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(doc)).contains(YOSHIDA);
			List<String> fonts = new java.util.ArrayList<>();
			for (COSName n : doc.getPage(0).getResources().getFontNames()) {
				fonts.add(doc.getPage(0).getResources().getFont(n).getName());
			}
			assertThat(fonts).anyMatch(f -> f.endsWith("+IPAmjMincho")).anyMatch(f -> f.contains("IPAex"));
		}
	}
}
