package jp.ikiiki.desk.platform.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/**
 * The console's application shell. Server push is on, so that live screens (the call centre's wallboard, the
 * agent desk) update within a second of an event without polling.
 */
@Push
public class AppShell implements AppShellConfigurator {
}
