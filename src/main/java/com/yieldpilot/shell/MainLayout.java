package com.yieldpilot.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.yieldpilot.identity.ColorPreference;
import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.identity.UserAccounts;
import jakarta.annotation.security.PermitAll;

/**
 * The application frame: a drawer with every {@code @Menu} view the user may open, and a
 * user menu for API tokens, the colour scheme and log-out. On a phone the drawer folds
 * behind the toggle.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout {

	private final UserAccounts accounts;

	private final AuthenticationContext authentication;

	private final MenuItem colorSchemeItem;

	private ColorPreference colorPreference = ColorPreference.LIGHT;

	MainLayout(UserAccounts accounts, AuthenticationContext authentication) {
		this.accounts = accounts;
		this.authentication = authentication;
		setPrimarySection(Section.DRAWER);

		Span brand = new Span("YieldPilot");
		brand.addClassName("brand");
		addToDrawer(brand, navigation());

		MenuBar userMenu = new MenuBar();
		userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
		userMenu.setId("user-menu");
		UserAccount user = accounts.current();
		Avatar avatar = new Avatar(user.username());
		HorizontalLayout trigger = new HorizontalLayout(avatar, new Span(user.username()));
		trigger.setAlignItems(Alignment.CENTER);
		trigger.setSpacing(true);
		SubMenu menu = userMenu.addItem(trigger).getSubMenu();
		menu.addItem("API tokens", e -> UI.getCurrent().navigate("tokens")).setId("menu-tokens");
		this.colorSchemeItem = menu.addItem("Dark theme", e -> toggleColorScheme());
		this.colorSchemeItem.setId("menu-color-scheme");
		menu.addItem("Log out", e -> this.authentication.logout()).setId("menu-logout");

		Span spacer = new Span();
		spacer.addClassName("spacer");
		HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), spacer, userMenu);
		navbar.addClassName("navbar");
		navbar.setWidthFull();
		navbar.setAlignItems(Alignment.CENTER);
		navbar.expand(spacer);
		addToNavbar(navbar);
		this.colorPreference = user.colorPreference();
	}

	@Override
	protected void onAttach(AttachEvent event) {
		super.onAttach(event);
		apply(event.getUI(), this.colorPreference);
	}

	private void toggleColorScheme() {
		this.colorPreference = (this.colorPreference == ColorPreference.DARK) ? ColorPreference.LIGHT
				: ColorPreference.DARK;
		this.accounts.setColorPreference(this.colorPreference);
		apply(UI.getCurrent(), this.colorPreference);
	}

	private void apply(UI ui, ColorPreference preference) {
		ui.getPage()
			.setColorScheme(preference == ColorPreference.DARK ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT);
		this.colorSchemeItem.setText(preference == ColorPreference.DARK ? "Light theme" : "Dark theme");
	}

	private static SideNav navigation() {
		SideNav nav = new SideNav();
		nav.setId("navigation");
		for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
			SideNavItem item = (entry.icon() != null)
					? new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()))
					: new SideNavItem(entry.title(), entry.path());
			nav.addItem(item);
		}
		return nav;
	}

}
