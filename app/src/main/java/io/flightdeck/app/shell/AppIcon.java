package io.flightdeck.app.shell;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.image.Image;

/**
 * Flightdeck's icon (drawn for it: installer/src/main/icon/flightdeck.svg, rendered to the PNGs beside this class's
 * resources) for the window, the About dialog and the welcome screen; the installer uses the 256-pixel one.
 */
public final class AppIcon {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    /** The icon in every size there is, for the window manager to pick from. */
    public static List<Image> sizes() {
        List<Image> out = new ArrayList<>();
        for (int size : SIZES) {
            Image image = of(size);
            if (image != null) {
                out.add(image);
            }
        }
        return out;
    }

    /** The icon of one of the rendered sizes, or null when the resource is missing. */
    public static Image of(int size) {
        try (InputStream in = AppIcon.class.getResourceAsStream("/io/flightdeck/app/icon/flightdeck-" + size + ".png")) {
            return in == null ? null : new Image(in);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
