package com.yieldpilot.identity.internal;

import com.yieldpilot.identity.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Password log-ins, successful or not, go to the audit log. Token-authenticated API calls
 * do not.
 */
@Component
class LoginAuditListener {

	private final AuditLog auditLog;

	LoginAuditListener(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void onSuccess(InteractiveAuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
			this.auditLog.record(principal.account().id(), "login.succeeded", principal.getUsername(), null);
		}
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String name = String.valueOf(event.getAuthentication().getName());
		String subject = name.length() > 64 ? name.substring(0, 64) : name;
		this.auditLog.record(null, "login.failed", subject, event.getException().getClass().getSimpleName());
	}

}
