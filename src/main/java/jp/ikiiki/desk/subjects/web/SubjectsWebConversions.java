package jp.ikiiki.desk.subjects.web;

import java.util.Locale;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the API's parameters are read: {@code kind=index|progress} (the 別紙 codes, any case) and
 * {@code format=csv|xlsx}. A value that does not convert is a 400 problem naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
class SubjectsWebConversions implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, SubjectFileKind.class, s -> SubjectFileKind.ofCode(s.strip()));
		registry.addConverter(String.class, DownloadFormat.class,
				s -> DownloadFormat.valueOf(s.strip().toUpperCase(Locale.ROOT)));
	}
}
