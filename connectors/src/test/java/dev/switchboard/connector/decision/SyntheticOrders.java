package dev.switchboard.connector.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic orders with a fraud label from a known rule plus noise, the same for a given seed: the
 * data the decision tests and the sample's model are trained and checked on.
 *
 * <p>The rule: an order is fraud when {@code amount/500 + 3·countryRisk + night + items/10 −
 * accountAgeDays/300 > 3}; then {@link #NOISE} of the labels are flipped.
 */
public final class SyntheticOrders {
    public static final double NOISE = 0.03;
    /** The feature names, as the score and learn configs and the trained model use them. */
    public static final List<String> FEATURES = List.of("amount", "country_risk", "account_age_days", "items", "night");

    private SyntheticOrders() {}

    /** One order. */
    public record Order(
            double amount, double countryRisk, double accountAgeDays, int items, boolean night, boolean fraud) {

        public Map<String, Double> features() {
            Map<String, Double> features = new LinkedHashMap<>();
            features.put("amount", amount);
            features.put("country_risk", countryRisk);
            features.put("account_age_days", accountAgeDays);
            features.put("items", (double) items);
            features.put("night", night ? 1.0 : 0.0);
            return features;
        }

        /** The order as webhook JSON, with the label as {@code fraud}. */
        public String json() {
            return String.format(
                    java.util.Locale.ROOT,
                    "{\"amount\": %.2f, \"countryRisk\": %.3f, \"accountAgeDays\": %.0f, \"items\": %d, "
                            + "\"night\": %s, \"fraud\": %s}",
                    amount,
                    countryRisk,
                    accountAgeDays,
                    items,
                    night,
                    fraud);
        }
    }

    /** The rule, without noise. */
    public static boolean rule(double amount, double countryRisk, double accountAgeDays, int items, boolean night) {
        double risk = amount / 500 + 3 * countryRisk + (night ? 1 : 0) + items / 10.0 - accountAgeDays / 300;
        return risk > 3;
    }

    /** {@code count} orders drawn with {@code seed}. */
    public static List<Order> generate(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double amount =
                    Math.round(Math.exp(2 + random.nextDouble() * 5.6) * 100) / 100.0; // 7 to 2,000, mostly small
            double countryRisk = Math.round(random.nextDouble() * 1000) / 1000.0;
            double accountAgeDays = Math.floor(random.nextDouble() * random.nextDouble() * 2000);
            int items = 1 + random.nextInt(10);
            boolean night = random.nextDouble() < 0.25;
            boolean fraud = rule(amount, countryRisk, accountAgeDays, items, night) ^ (random.nextDouble() < NOISE);
            orders.add(new Order(amount, countryRisk, accountAgeDays, items, night, fraud));
        }
        return orders;
    }
}
