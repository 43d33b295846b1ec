package com.yieldpilot.rules.internal.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Collectors;

import com.yieldpilot.rules.RuleTemplateData;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Seeds the template library from the example rules in the application
 * ({@code rules/examples/*.rule}): each file once, by its name, with its leading comment
 * as the description. A template an admin edited or retired is never touched again, and
 * nodes starting together add each file once (the slug is unique).
 */
@Component
class TemplateSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TemplateSeeder.class);

	private final RuleTemplateStore store;

	private final ResourcePatternResolver resources;

	TemplateSeeder(RuleTemplateStore store, ResourcePatternResolver resources) {
		this.store = store;
		this.resources = resources;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		int added = 0;
		for (Resource file : this.resources.getResources("classpath*:rules/examples/*.rule")) {
			String name = Objects.requireNonNull(file.getFilename());
			if (this.store.insertIfAbsent("example-" + name.substring(0, name.length() - ".rule".length()),
					template(file))) {
				added++;
			}
		}
		if (added > 0) {
			log.info("Added {} rule templates from the examples", added);
		}
	}

	static RuleTemplateData template(Resource file) {
		try {
			String text = file.getContentAsString(StandardCharsets.UTF_8);
			if (!(RuleParser.parse(text) instanceof ParseResult.Parsed parsed)) {
				throw new IllegalStateException("The example " + file.getFilename() + " is not a rule");
			}
			String description = parsed.rule().comments().stream().map(String::strip).collect(Collectors.joining(" "));
			return new RuleTemplateData(parsed.rule().name(), description, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
