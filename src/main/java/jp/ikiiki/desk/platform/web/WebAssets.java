package jp.ikiiki.desk.platform.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's own static files, cacheable by the browser: the bundled IPAex fonts as web fonts ({@code /fonts/},
 * the same files the PDFs embed, with the IPA Font License next to them), the console's style sheet
 * ({@code /styles/}) and the favicon. Open without sign-in: the login page uses them, and they hold nothing
 * personal.
 */
@Configuration(proxyBeanMethods = false)
class WebAssets implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Fonts change only with a new release of the font: a week, then revalidated by Last-Modified.
		registry.addResourceHandler("/fonts/**").addResourceLocations("classpath:/fonts/")
				.setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
		registry.addResourceHandler("/styles/**").addResourceLocations("classpath:/static/styles/")
				.setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
		registry.addResourceHandler("/favicon.svg", "/favicon.ico").addResourceLocations("classpath:/static/")
				.setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
	}
}
