package io.flightdeck.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/**
 * Light and dark themes: AtlantaFX's Primer themes for the controls, flightdeck.css for our own looked-up
 * colours (a {@code :dark} pseudo-class on the root switches them), and the {@link Palette} for charts.
 */
public final class ThemeManager {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final String CSS = ThemeManager.class.getResource("/io/flightdeck/app/theme/flightdeck.css")
            .toExternalForm();

    private final List<Scene> scenes = new ArrayList<>();
    private final List<Consumer<Palette>> listeners = new ArrayList<>();
    private final Preferences prefs;
    private boolean dark;

    public ThemeManager(Preferences prefs) {
        this.prefs = prefs;
        this.dark = prefs != null && prefs.getBoolean("darkTheme", false);
        apply();
    }

    public boolean isDark() {
        return dark;
    }

    public Palette palette() {
        return dark ? Palette.DARK : Palette.LIGHT;
    }

    public void setDark(boolean value) {
        if (value == dark) {
            return;
        }
        dark = value;
        if (prefs != null) {
            prefs.putBoolean("darkTheme", value);
        }
        apply();
        for (Scene s : scenes) {
            s.getRoot().pseudoClassStateChanged(DARK, dark);
        }
        for (Consumer<Palette> l : List.copyOf(listeners)) {
            l.accept(palette());
        }
    }

    public void toggle() {
        setDark(!dark);
    }

    /** Styles a scene now and on every theme change. */
    public void register(Scene scene) {
        scene.getStylesheets().add(CSS);
        scene.getRoot().pseudoClassStateChanged(DARK, dark);
        scenes.add(scene);
    }

    /** Called with the palette on every theme change (charts repaint with it). */
    public void addListener(Consumer<Palette> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Palette> listener) {
        listeners.remove(listener);
    }

    private void apply() {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
