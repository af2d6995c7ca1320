package jp.ikiiki.desk.printing.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.ikiiki.desk.browser.BrowserTest;
import jp.ikiiki.desk.browser.Chromium;
import jp.ikiiki.desk.printing.internal.Ipamj;
import jp.ikiiki.desk.printing.internal.ScreenFontSubset;
import jp.ikiiki.desk.subjects.MailingSubject;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.subjects.SubjectRoster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The subject page of 𠮷田 in headless Chromium at 1280×720: 𠮷 (beyond IPAex) comes from the served IPAmj Mincho
 * subset (IkiikiGaiji), the glyph the print files embed. Screenshot target/screenshots/gaiji-subject-yoshida.png
 * (compare with gaiji-booklet-cover-1.png, the booklet cover rasterised by pdftoppm).
 */
class ScreenFontBrowserIT extends BrowserTest {

	@MockitoBean
	SubjectLookup subjects;
	@MockitoBean
	SubjectRoster roster;
	@MockitoBean
	SubjectImportHistory history;
	@Autowired
	ScreenFontSubset subset;

	/** A record with nothing recorded: no values, flags false, lists empty. */
	static <R extends Record> R blank(Class<R> type) {
		try {
			var components = type.getRecordComponents();
			Class<?>[] types = new Class<?>[components.length];
			Object[] values = new Object[components.length];
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
				values[i] = types[i] == Boolean.class ? Boolean.FALSE : types[i] == List.class ? List.of() : null;
			}
			return type.getDeclaredConstructor(types).newInstance(values);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void the_subject_page_of_yoshida_shows_yoshi_in_the_served_ipamj_subset() {
		assumeTrue(Ipamj.debian().available(), "IPAmj Mincho not installed at " + Ipamj.DEBIAN_PATH
				+ " (apt-get install fonts-ipamj-mincho; the build's ensure-test-tools.sh does it as root): skipped");
		MailingSubject s = new MailingSubject("9900000102", "2024000102", "𠮷田　花子", "ヨシダ　ハナコ", "7300011",
				"広島市中区基町10-52", null, true, true, false, null, false, false, false, null, null, null, null);
		doAnswer(inv -> {
			inv.<Consumer<MailingSubject>>getArgument(1).accept(s);
			return null;
		}).when(roster).forEach(any(), any());
		when(subjects.find(any(), any())).thenReturn(Optional.empty());
		when(subjects.find(eq("9900000102"), any())).thenReturn(Optional.of(new SubjectDetail("9900000102",
				"2024000102", "ヨシダ　ハナコ", "𠮷田　花子", null, "女", LocalDate.of(1945, 4, 1), 81, 101, "中区",
				new SubjectDetail.Address("7300011", "広島市中区基町10-52", "いきいき荘201号"), null,
				blank(SubjectDetail.Care.class), blank(SubjectDetail.Subsidy.class), blank(SubjectDetail.Booklet.class),
				blank(SubjectDetail.Points.class), null, List.of(), new SubjectDetail.Records(true, null, true, null, null))));
		subset.refresh();
		Chromium.user(jdbc, encoder, "gaiji-font-op", "オペレーター", "gaiji-pass-1", "OPERATOR");

		try (var ctx = chromium.context(1280, 720)) {
			Page page = ctx.newPage();
			page.setDefaultTimeout(30_000);
			Chromium.signIn(page, port, "gaiji-font-op", "gaiji-pass-1");
			page.navigate("http://localhost:" + port + "/subjects/9900000102");
			Locator name = page.getByText("𠮷田　花子").first();
			assertThat(name).isVisible();
			Object loaded = page.evaluate("async () => { await document.fonts.load('16px IkiikiGaiji', '𠮷'); "
					+ "await document.fonts.ready; return [...document.fonts].filter(f => f.status === 'loaded')"
					+ ".map(f => f.family).join(','); }");
			org.assertj.core.api.Assertions.assertThat(loaded.toString()).contains("IkiikiGaiji");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.shot("gaiji-subject-yoshida.png")));
		}
	}
}
