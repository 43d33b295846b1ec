package com.yieldpilot.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Password log-in reads users from the database. */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	DatabaseUserDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.users.findCredentials(username)
			.map(c -> new AccountPrincipal(c.account(), c.passwordHash(), c.enabled()))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
