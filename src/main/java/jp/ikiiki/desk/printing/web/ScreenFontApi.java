package jp.ikiiki.desk.printing.web;

import java.time.Duration;
import jp.ikiiki.desk.printing.internal.ScreenFontSubset;
import jp.ikiiki.desk.printing.internal.WebFontSubset;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's web font for characters the bundled IPAex fonts lack (a subset of IPAmj Mincho named
 * {@value WebFontSubset#FAMILY}): {@code /styles/gaiji.css} declares it with its {@code unicode-range} and a URL
 * naming its version, revalidated on every page load (cheap: an ETag); the font itself, {@code /fonts/gaiji-<version>.ttf},
 * never changes and is cached for a year. Open without sign-in like the other fonts: it holds glyphs, nothing personal.
 */
@RestController
class ScreenFontApi {

	private static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");

	private final ScreenFontSubset subset;

	ScreenFontApi(ScreenFontSubset subset) {
		this.subset = subset;
	}

	@GetMapping("/styles/gaiji.css")
	ResponseEntity<String> css() {
		String body = subset.current().map(s -> """
				/* Characters the bundled IPAex fonts lack, from IPAmj Mincho (IPA Font License: fonts/IPA_Font_License_Agreement_v1.0.txt).
				   A derived font under its own name; the original: Debian package fonts-ipamj-mincho. */
				@font-face {
				  font-family: "%s";
				  src: url("../fonts/gaiji-%s.ttf") format("truetype");
				  unicode-range: %s;
				  font-display: swap;
				}
				""".formatted(WebFontSubset.FAMILY, s.version(), s.unicodeRange()))
				.orElse("/* No character beyond the bundled IPAex fonts to serve (or IPAmj Mincho not installed). */\n");
		String etag = "\"" + subset.current().map(ScreenFontSubset.Subset::version).orElse("none") + "\"";
		return ResponseEntity.ok().contentType(CSS).eTag(etag).cacheControl(CacheControl.noCache().cachePublic())
				.body(body);
	}

	@GetMapping("/fonts/gaiji-{version}.ttf")
	ResponseEntity<byte[]> font(@PathVariable String version) {
		return subset.current().filter(s -> s.version().equals(version))
				.map(s -> ResponseEntity.ok().contentType(MediaType.parseMediaType("font/ttf"))
						.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
						.body(s.font()))
				.orElseGet(() -> ResponseEntity.notFound().build());
	}
}
