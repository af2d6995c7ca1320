package jp.ikiiki.desk.platform.testsupport;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Runs the test classes that share one Spring application context one after the other.
 *
 * <p>The test context cache holds one context at a time ({@code spring.test.context.cache.maxSize=1}, see
 * {@code spring.properties}), so two classes with the same configuration reuse the started context only if nothing
 * with another configuration runs between them. In name order they rarely are neighbours, and every start costs an
 * embedded PostgreSQL, the migrations and the application (about five seconds). This orderer groups the classes by
 * the very key the cache uses ({@link MergedContextConfiguration}, built by the class's own bootstrapper), orders the
 * groups by the name of their first class and the classes inside a group by name; classes without Spring come first.
 * The order is deterministic: the same classes always run in the same order.
 */
public final class SameContextTogether implements ClassOrderer {

	@Override
	public void orderClasses(ClassOrdererContext context) {
		List<? extends ClassDescriptor> classes = context.getClassDescriptors();
		Map<Object, String> firstOfGroup = new HashMap<>();
		Map<ClassDescriptor, Object> keyOf = new HashMap<>();
		classes.stream().sorted(Comparator.comparing(SameContextTogether::name)).forEach(c -> {
			Object key = key(c.getTestClass());
			keyOf.put(c, key);
			firstOfGroup.putIfAbsent(key, name(c));
		});
		classes.sort(Comparator.<ClassDescriptor, Boolean>comparing(c -> keyOf.get(c) != NO_SPRING)
				.thenComparing(c -> firstOfGroup.get(keyOf.get(c)))
				.thenComparing(SameContextTogether::name));
	}

	private static final Object NO_SPRING = new Object();

	private static String name(ClassDescriptor c) {
		return c.getTestClass().getName();
	}

	/** The context cache's key of the class, or {@link #NO_SPRING} for a class that starts no context. */
	private static Object key(Class<?> testClass) {
		MergedAnnotations annotations = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY);
		if (!annotations.isPresent(BootstrapWith.class) && !annotations.isPresent(ContextConfiguration.class)) {
			return NO_SPRING;
		}
		try {
			return BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
		}
		catch (RuntimeException | LinkageError e) {
			// A class whose configuration cannot even be resolved here fails on its own when it runs; alone in its group.
			return testClass;
		}
	}
}
