package io.rolegate.support;

import java.net.URL;

/**
 * The window sizes pages are tested at (PRODUCT §10): a common desktop, in which the setup page's next step must be
 * in the first screenful, and a phone, on which no page may scroll sideways. Sizes in CSS pixels.
 */
public enum Viewport {
    DESKTOP(1366, 900, false),
    PHONE(390, 844, true);

    private final int width;
    private final int height;
    private final boolean phone;

    Viewport(int width, int height, boolean phone) {
        this.width = width;
        this.height = height;
        this.phone = phone;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A browser of this size whose Accept-Language is {@code language}. */
    public Browser start(URL base, String language) {
        return Browser.start(base, language, width, height, phone);
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
