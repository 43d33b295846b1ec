package com.yieldpilot.market.internal.registry;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.yieldpilot.market.InvalidRegistryEntryException;
import com.yieldpilot.market.RegistryEntryData;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a registry file: YAML with a {@code pools} list, each entry a mapping of text
 * values. The values are taken as written (an unquoted {@code 0x…} stays an address, not
 * a number) and checked like an admin's entry; unknown keys are refused, so a typo does
 * not silently drop a field. Every problem is reported with its line.
 */
final class RegistryFile {

	static final Set<String> KEYS = Set.of("id", "name", "read", "contract", "asset", "assetDecimals", "priceFeed",
			"stablecoin", "defillama");

	private RegistryFile() {
	}

	static List<RegistryEntryData> parse(String file, byte[] content) {
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setCodePointLimit(1024 * 1024);
			// composed, not constructed: the nodes keep their text and their line
			root = new Yaml(new SafeConstructor(options))
				.compose(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
		}
		catch (YAMLException ex) {
			throw new RegistryFileException(file, List.of("it is not valid YAML: " + ex.getMessage()));
		}
		List<String> problems = new ArrayList<>();
		Node pools = (root instanceof MappingNode mapping) ? child(mapping, "pools") : null;
		if (!(pools instanceof SequenceNode list)) {
			throw new RegistryFileException(file, List.of("it needs a top-level 'pools:' list"));
		}
		List<RegistryEntryData> entries = new ArrayList<>();
		Set<PoolId> ids = new HashSet<>();
		Map<String, PoolId> defiLlamaIds = new HashMap<>();
		for (Node item : list.getValue()) {
			String where = "line " + line(item);
			if (!(item instanceof MappingNode entry)) {
				problems.add(where + ": each pool is a mapping of keys (id: …, read: …)");
				continue;
			}
			Map<String, @Nullable String> values = values(entry, where, problems);
			try {
				RegistryEntryData data = RegistryEntryData.of(values.get("id"), values.get("name"), values.get("read"),
						values.get("contract"), values.get("asset"), integer(values, "assetDecimals", where, problems),
						values.get("priceFeed"), values.get("defillama"), bool(values, "stablecoin", where, problems));
				if (!ids.add(data.id())) {
					problems.add(where + ": " + data.id() + " is listed twice");
				}
				if (data.defiLlamaId() != null) {
					PoolId other = defiLlamaIds.putIfAbsent(data.defiLlamaId(), data.id());
					if (other != null) {
						problems.add(where + ": " + data.id() + " has the DefiLlama id of " + other);
					}
				}
				entries.add(data);
			}
			catch (InvalidRegistryEntryException ex) {
				ex.problems()
					.forEach(p -> problems.add(where + " (" + values.getOrDefault("id", "no id") + "): "
							+ p.field().replace("kind", "read").replace("defiLlamaId", "defillama") + " "
							+ p.message()));
			}
		}
		if (!problems.isEmpty()) {
			throw new RegistryFileException(file, problems);
		}
		return entries;
	}

	private static Map<String, @Nullable String> values(MappingNode entry, String where, List<String> problems) {
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		for (NodeTuple tuple : entry.getValue()) {
			String key = (tuple.getKeyNode() instanceof ScalarNode k) ? k.getValue() : "?";
			if (values.containsKey(key)) {
				problems.add("line " + line(tuple.getKeyNode()) + ": '" + key + "' is given twice");
				continue;
			}
			if (!KEYS.contains(key)) {
				problems.add("line " + line(tuple.getKeyNode()) + ": unknown key '" + key + "'; the keys are "
						+ String.join(", ", KEYS.stream().sorted().toList()));
				continue;
			}
			if (tuple.getValueNode() instanceof ScalarNode value) {
				values.put(key, value.getValue());
			}
			else {
				problems.add(where + ": '" + key + "' must be a single value");
			}
		}
		return values;
	}

	private static @Nullable Integer integer(Map<String, @Nullable String> values, String key, String where,
			List<String> problems) {
		String text = values.get(key);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(where + ": " + key + " '" + text + "' is not a whole number");
			return null;
		}
	}

	private static boolean bool(Map<String, @Nullable String> values, String key, String where, List<String> problems) {
		String text = values.get(key);
		if (text == null || text.isBlank()) {
			return false;
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> {
				problems.add(where + ": " + key + " is true or false, not '" + text + "'");
				yield false;
			}
		};
	}

	private static @Nullable Node child(MappingNode mapping, String key) {
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
				return tuple.getValueNode();
			}
		}
		return null;
	}

	private static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

}
