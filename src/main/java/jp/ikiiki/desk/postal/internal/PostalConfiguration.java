package jp.ikiiki.desk.postal.internal;

import jp.ikiiki.desk.postal.PostalProperties;
import jp.ikiiki.desk.postal.TownDictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The postcode → 町域 dictionary: a configured file, else the bundled one (both read at start-up). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PostalProperties.class)
class PostalConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PostalConfiguration.class);

	@Bean
	TownDictionary townDictionary(PostalProperties properties) {
		TownDictionary towns = properties.townDictionary() == null || properties.townDictionary().toString().isBlank()
				? TownDictionary.bundled() : TownDictionary.read(properties.townDictionary());
		log.info("Postal town dictionary: {} postcodes from {}", towns.postcodes(), towns.source());
		return towns;
	}
}
