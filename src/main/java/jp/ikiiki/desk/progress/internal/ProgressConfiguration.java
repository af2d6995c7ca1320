package jp.ikiiki.desk.progress.internal;

import jp.ikiiki.desk.subjects.SubjectsProperties;
import jp.ikiiki.desk.subjects.importing.CityFileCells;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The subjects import's reading rules, shared by the opening-balance import. */
@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

	@Bean
	CityFileCells progressCityFileCells(SubjectsProperties properties) {
		return new CityFileCells(properties);
	}
}
