package com.yieldpilot.execution.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.yieldpilot.execution.GuardrailProblem;
import com.yieldpilot.execution.GuardrailRejectedException;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Builds guardrail DRL files into a KieBase with Drools' executable model, or reports
 * every error with its file, line and column. Each build gets a release id of its own, so
 * builds on several threads never replace each other's module, and the module is removed
 * from Drools' repository once its KieBase exists.
 */
@Component
public class GuardrailCompiler {

	private static final String FOLDER = "src/main/resources/com/yieldpilot/guardrails/";

	private final AtomicLong builds = new AtomicLong();

	/** The errors the files have; empty when they compile. */
	public List<GuardrailProblem> check(Map<String, String> files) {
		return build(files).problems();
	}

	/**
	 * Builds the files.
	 * @throws GuardrailRejectedException with every error when they do not compile
	 */
	public KieBase compile(Map<String, String> files) {
		Build build = build(files);
		if (build.base() == null) {
			throw new GuardrailRejectedException(build.problems());
		}
		return build.base();
	}

	private Build build(Map<String, String> files) {
		KieServices services = KieServices.Factory.get();
		ReleaseId release = services.newReleaseId("com.yieldpilot.guardrails", "build-" + this.builds.incrementAndGet(),
				"1.0.0");
		KieFileSystem fileSystem = services.newKieFileSystem().generateAndWritePomXML(release);
		files.forEach((name, text) -> fileSystem.write(FOLDER + name, text));
		KieBuilder builder = services.newKieBuilder(fileSystem, GuardrailCompiler.class.getClassLoader())
			.buildAll(ExecutableModelProject.class);
		List<GuardrailProblem> problems = new ProblemLocator(files)
			.locate(builder.getResults().getMessages(Message.Level.ERROR));
		if (!problems.isEmpty()) {
			services.getRepository().removeKieModule(release);
			return new Build(null, problems);
		}
		try {
			return new Build(services.newKieContainer(release, GuardrailCompiler.class.getClassLoader()).getKieBase(),
					List.of());
		}
		finally {
			services.getRepository().removeKieModule(release);
		}
	}

	private record Build(@Nullable KieBase base, List<GuardrailProblem> problems) {
	}

}
