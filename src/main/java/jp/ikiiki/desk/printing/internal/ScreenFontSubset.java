package jp.ikiiki.desk.printing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapaneseFonts;
import jp.ikiiki.desk.shared.JapaneseFonts.Face;
import jp.ikiiki.desk.subjects.MailingSubject;
import jp.ikiiki.desk.subjects.SubjectImportHistory;
import jp.ikiiki.desk.subjects.SubjectImportSummary;
import jp.ikiiki.desk.subjects.SubjectRoster;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The console's web font for the characters the bundled IPAex fonts lack: a subset of IPAmj Mincho holding only those
 * that occur in the subjects' names (kanji and kana), addresses and 方書 — read through the subjects module's roster
 * (both of the city's files) at start-up and again whenever the import history changes (checked every minute), so
 * that 𠮷田 shows on screen in the shape it prints in. Never the whole 48 MB file. Only code points are kept, nothing
 * personal; nothing personal is logged. Absent (no subset) when IPAmj Mincho is not installed or no subject needs it.
 */
@Component
public class ScreenFontSubset {

	private static final Logger LOG = LoggerFactory.getLogger(ScreenFontSubset.class);

	/** A computed subset: its version (in the URL), the TrueType bytes and the code points it holds. */
	public record Subset(String version, byte[] font, SortedSet<Integer> codePoints) {

		/** The CSS {@code unicode-range} value. */
		public String unicodeRange() {
			return codePoints.stream().map(cp -> "U+" + Integer.toHexString(cp).toUpperCase())
					.collect(Collectors.joining(", "));
		}
	}

	private final Ipamj ipamj;
	private final SubjectRoster roster;
	private final SubjectImportHistory history;
	private volatile Subset current;
	private volatile String importsSeen;
	private ScheduledExecutorService checker;

	ScreenFontSubset(Ipamj ipamj, SubjectRoster roster, SubjectImportHistory history) {
		this.ipamj = ipamj;
		this.roster = roster;
		this.history = history;
	}

	/** The current subset, if IPAmj Mincho is installed and a subject needs it. */
	public Optional<Subset> current() {
		return Optional.ofNullable(current);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!ipamj.available()) {
			return;
		}
		checker = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "screen-font-subset");
			t.setDaemon(true);
			return t;
		});
		checker.scheduleWithFixedDelay(this::refreshIfImported, 0, 1, TimeUnit.MINUTES);
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		if (checker != null) {
			checker.shutdownNow();
		}
	}

	private void refreshIfImported() {
		try {
			String seen = CurrentUser.callAsSystem(() -> {
				List<SubjectImportSummary> newest = history.list(0, 1);
				return history.count() + ":" + newest.stream().map(s -> s.id() + "/" + s.finishedAt() + "/"
						+ s.confirmedAt()).findFirst().orElse("");
			}, "OPERATOR");
			if (!seen.equals(importsSeen)) {
				refresh();
				importsSeen = seen;
			}
		}
		catch (RuntimeException e) {
			LOG.warn("Screen font subset not refreshed: {}", SafeThrowables.describe(e));
		}
	}

	/** Computes the subset from the subjects' data now (also after each import, by the minute's check). */
	public Optional<Subset> refresh() {
		if (!ipamj.available()) {
			return Optional.empty();
		}
		SortedSet<Integer> needed = new TreeSet<>();
		CmapLookup gothic = cmap(JapaneseFonts.parse(Face.GOTHIC));
		CmapLookup mincho = cmap(JapaneseFonts.parse(Face.MINCHO));
		CurrentUser.runAsSystem(() -> {
			for (SubjectRoster.Source source : SubjectRoster.Source.values()) {
				roster.forEach(source, s -> collect(s, gothic, mincho, needed));
			}
		}, "OPERATOR");
		if (needed.isEmpty()) {
			current = null;
			return Optional.empty();
		}
		try (TrueTypeFont font = ipamj.parse()) {
			return refresh(font, needed);
		}
		catch (IOException e) {
			throw new UncheckedIOException("IPAmj Mincho cannot be closed", e);
		}
	}

	private Optional<Subset> refresh(TrueTypeFont font, SortedSet<Integer> needed) {
		SortedSet<Integer> covered = WebFontSubset.covered(font, needed);
		if (covered.isEmpty()) {
			current = null;
			LOG.info("Screen font subset: no subject needs a character beyond the bundled IPAex fonts");
			return Optional.empty();
		}
		Subset previous = current;
		String version = version(covered);
		if (previous != null && previous.version().equals(version)) {
			return Optional.of(previous);
		}
		Subset subset = new Subset(version, WebFontSubset.of(font, covered), covered);
		current = subset;
		LOG.info("Screen font subset {}: {} characters beyond IPAex, {} bytes ({} not in IPAmj Mincho either)",
				version, covered.size(), subset.font().length, needed.size() - covered.size());
		return Optional.of(subset);
	}

	/** The code points of the subject's printed texts that either bundled face lacks. */
	static void collect(MailingSubject s, CmapLookup gothic, CmapLookup mincho, SortedSet<Integer> into) {
		for (String text : new String[] { s.nameKanji(), s.nameKana(), s.address(), s.addressExtra() }) {
			if (text == null) {
				continue;
			}
			text.codePoints().filter(cp -> cp > 0x7F && !Character.isISOControl(cp)
					&& (gothic.getGlyphId(cp) == 0 || mincho.getGlyphId(cp) == 0)).forEach(into::add);
		}
	}

	private static String version(SortedSet<Integer> codePoints) {
		try {
			MessageDigest d = MessageDigest.getInstance("SHA-256");
			codePoints.forEach(cp -> d.update(Integer.toString(cp).concat(",").getBytes()));
			return HexFormat.of().formatHex(d.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static CmapLookup cmap(TrueTypeFont font) {
		try {
			return font.getUnicodeCmapLookup();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Bundled font has no Unicode cmap", e);
		}
	}
}
