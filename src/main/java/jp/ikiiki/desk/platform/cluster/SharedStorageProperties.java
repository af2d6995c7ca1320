package jp.ikiiki.desk.platform.cluster;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The check that several nodes share their file storage ({@code ikiiki.cluster.shared-storage}); only with
 * {@code ikiiki.cluster.enabled=true}.
 *
 * @param directories   the directories every node must see alike, by name (the name is what the nodes compare, so
 *                      each node may mount the share at its own path)
 * @param checkInterval how often each node writes its markers and looks for the others'
 * @param markerWait    how long another node's marker may be missing or stale before it is reported (a node that
 *                      just started or restarted needs one check of its own)
 */
@Validated
@ConfigurationProperties("ikiiki.cluster.shared-storage")
public record SharedStorageProperties(@DefaultValue Map<String, Path> directories,
		@DefaultValue("1m") @NotNull Duration checkInterval, @DefaultValue("30s") @NotNull Duration markerWait) {

	public SharedStorageProperties {
		directories = directories == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(directories));
	}
}
