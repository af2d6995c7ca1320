package jp.ikiiki.desk.printing.internal;

import jp.ikiiki.desk.postal.TownDictionary;
import jp.ikiiki.desk.printing.PrintingProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The form layouts (checked at start-up: a bad layout stops the application with the reason) and the renderer. */
@Configuration
@EnableConfigurationProperties(PrintingProperties.class)
class PrintingConfiguration {

	@Bean
	FormLayouts formLayouts(PrintingProperties properties) {
		return FormLayouts.load(properties.layoutDirectory());
	}

	@Bean
	FormRenderer formRenderer(TownDictionary towns) {
		return new FormRenderer(towns);
	}
}
