package jp.ikiiki.desk.subjects.importing;

import jp.ikiiki.desk.subjects.SubjectsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubjectsProperties.class)
class SubjectImportConfiguration {
}
