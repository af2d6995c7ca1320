package jp.ikiiki.desk.printing.internal;

import java.nio.file.Path;
import jp.ikiiki.desk.postal.TownDictionary;
import jp.ikiiki.desk.printing.PrintingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The form layouts (checked at start-up: a bad layout stops the application with the reason) and the renderer. */
@Configuration
@EnableConfigurationProperties(PrintingProperties.class)
class PrintingConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(PrintingConfiguration.class);

	@Bean
	FormLayouts formLayouts(PrintingProperties properties) {
		return FormLayouts.load(properties.layoutDirectory());
	}

	/**
	 * IPAmj Mincho at {@code ikiiki.fonts.ipamj-path} (default: where Debian's {@code fonts-ipamj-mincho} puts it);
	 * says at start-up whether it is there and what follows if not.
	 */
	@Bean
	Ipamj ipamj(@Value("${ikiiki.fonts.ipamj-path:" + "/usr/share/fonts/truetype/ipamj/ipamjm.ttf}") String path) {
		Ipamj font = new Ipamj(path == null || path.isBlank() ? null : Path.of(path));
		if (font.available()) {
			LOG.info("IPAmj Mincho found at {}: characters the bundled IPAex fonts lack (e.g. U+20BB7) print and show"
					+ " with it; only characters neither font has need a 外字 decision", font.path());
		}
		else {
			LOG.info("IPAmj Mincho not found at {} (ikiiki.fonts.ipamj-path; install: apt-get install"
					+ " fonts-ipamj-mincho): every character outside the bundled IPAex fonts (JIS X 0213), e.g. U+20BB7"
					+ " and other CJK Extension B characters, needs a 外字 decision before printing and shows in a"
					+ " browser font on screen", path);
		}
		return font;
	}

	@Bean
	FormRenderer formRenderer(TownDictionary towns, Ipamj ipamj) {
		return new FormRenderer(towns, ipamj);
	}
}
