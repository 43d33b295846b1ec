package com.yieldpilot.shell;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;

/**
 * Page-wide settings: the Lumo theme in light or dark, server push for live updates,
 * mobile meta tags.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@ColorScheme(ColorScheme.Value.LIGHT)
@Push
@Meta(name = "theme-color", content = "#1a5fb4")
public class AppShell implements AppShellConfigurator {

}
