package com.yieldpilot.identity.internal;

import java.util.List;

import com.yieldpilot.identity.Role;
import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.identity.UserAccounts;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token belongs to. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

	private final UserAccounts accounts;

	MeController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	Me me() {
		UserAccount account = this.accounts.current();
		return new Me(account.id().toString(), account.username(),
				account.roles().stream().map(Role::name).sorted().toList());
	}

	record Me(String id, String username, List<String> roles) {
	}

}
