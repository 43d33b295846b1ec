package com.yieldpilot.rules.internal.engine;

import java.time.Clock;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * The generic rules ({@code network.drl}), built once into a KieBase that every shard's
 * session shares. User rules never change it: they are facts.
 */
public final class NetworkRules {

	private static final String RESOURCE = "com/yieldpilot/rules/internal/engine/network.drl";

	private final KieBase base;

	private NetworkRules(KieBase base) {
		this.base = base;
	}

	public static NetworkRules load() {
		KieServices services = KieServices.Factory.get();
		KieFileSystem files = services.newKieFileSystem();
		files.write(services.getResources().newClassPathResource(RESOURCE, NetworkRules.class.getClassLoader()));
		KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
		if (builder.getResults().hasMessages(Message.Level.ERROR)) {
			throw new IllegalStateException("The engine's generic rules do not compile: " + builder.getResults());
		}
		KieContainer container = services.newKieContainer(builder.getKieModule().getReleaseId(),
				NetworkRules.class.getClassLoader());
		return new NetworkRules(container.getKieBase());
	}

	KieSession newSession(Changes changes) {
		KieSession session = this.base.newKieSession();
		session.setGlobal("changes", changes);
		return session;
	}

	/** A new, empty shard on these rules. */
	public EngineShard newShard(Clock clock) {
		return new EngineShard(this, clock);
	}

}
