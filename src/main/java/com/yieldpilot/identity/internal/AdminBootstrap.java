package com.yieldpilot.identity.internal;

import java.util.Set;

import com.yieldpilot.identity.NewUser;
import com.yieldpilot.identity.Role;
import com.yieldpilot.identity.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Production's first admin. With {@code YIELDPILOT_BOOTSTRAP_ADMIN_USERNAME} and
 * {@code YIELDPILOT_BOOTSTRAP_ADMIN_PASSWORD} set, the admin is created on start-up
 * unless that user already exists; the password is never logged. Remove the variables
 * once the admin has signed in.
 */
@Component
@Order(1)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserAccounts accounts;

	private final String username;

	private final String password;

	AdminBootstrap(UserAccounts accounts, @Value("${yieldpilot.bootstrap.admin.username:}") String username,
			@Value("${yieldpilot.bootstrap.admin.password:}") String password) {
		this.accounts = accounts;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.username.isBlank()) {
			if (!this.accounts.anyAdmin()) {
				log.warn("There is no admin yet. Set YIELDPILOT_BOOTSTRAP_ADMIN_USERNAME and "
						+ "YIELDPILOT_BOOTSTRAP_ADMIN_PASSWORD and restart to create one.");
			}
			return;
		}
		if (this.accounts.findByUsername(this.username).isPresent()) {
			log.info("Bootstrap admin '{}' already exists; the bootstrap variables can be removed.", this.username);
			return;
		}
		try {
			this.accounts.bootstrap(new NewUser(this.username, this.password, Set.of(Role.ADMIN, Role.FARMER)));
			log.info("Created the bootstrap admin '{}'.", this.username);
		}
		catch (DuplicateKeyException ex) {
			// another node created it at the same moment: the unique username decided,
			// and that is fine
			log.info("Bootstrap admin '{}' was created by another node.", this.username);
		}
	}

}
