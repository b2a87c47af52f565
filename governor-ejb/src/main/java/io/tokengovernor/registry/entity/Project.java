package io.tokengovernor.registry.entity;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.budget.TokenBalance;
import io.tokengovernor.core.inspector.ThresholdSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A body of work with an owner, a priority tier and a token budget per window. */
@Entity
@Table(name = "project")
@NamedQuery(name = Project.COUNT_ALL, query = "select count(p) from Project p")
public class Project {

    public static final String COUNT_ALL = "Project.countAll";

    @Id
    private String id;
    private String name;
    private String owner;
    private int tier;
    @Column(name = "token_budget")
    private long tokenBudget;
    @Enumerated(EnumType.STRING)
    @Column(name = "budget_window")
    private BudgetWindow budgetWindow;
    @Column(name = "soft_limit")
    private Long softLimit;
    @Column(name = "webhook_url")
    private String webhookUrl;
    @Column(name = "webhook_secret")
    private String webhookSecret;
    @Column(name = "used_tokens")
    private long usedTokens;
    @Column(name = "reserved_tokens")
    private long reservedTokens;
    @Column(name = "threshold_default")
    private Double thresholdDefault;
    @Column(name = "threshold_min")
    private Double thresholdMin;
    @Column(name = "threshold_max")
    private Double thresholdMax;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Project() {
    }

    public Project(String id, ProjectRegistration registration, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.name = registration.name();
        this.owner = registration.owner();
        this.tier = registration.tier();
        this.tokenBudget = registration.tokenBudget();
        this.budgetWindow = registration.budgetWindow();
        this.softLimit = registration.softLimit();
        this.webhookUrl = registration.webhookUrl();
        this.webhookSecret = registration.webhookSecret();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The fields in which an existing project differs from a registration of the same id. */
    public List<String> differencesFrom(ProjectRegistration registration) {
        List<String> differences = new ArrayList<>();
        if (!name.equals(registration.name())) {
            differences.add("name");
        }
        if (!owner.equals(registration.owner())) {
            differences.add("owner");
        }
        if (tier != registration.tier()) {
            differences.add("tier");
        }
        if (tokenBudget != registration.tokenBudget()) {
            differences.add("tokenBudget");
        }
        if (budgetWindow != registration.budgetWindow()) {
            differences.add("budgetWindow");
        }
        if (!Objects.equals(softLimit, registration.softLimit())) {
            differences.add("softLimit");
        }
        if (!Objects.equals(webhookUrl, registration.webhookUrl())) {
            differences.add("webhookUrl");
        }
        if (!Objects.equals(webhookSecret, registration.webhookSecret())) {
            differences.add("webhookSecret");
        }
        return differences;
    }

    public void change(ProjectChange change, Instant now) {
        if (change.tokenBudget() != null) {
            tokenBudget = change.tokenBudget();
        }
        if (change.tier() != null) {
            tier = change.tier();
        }
        if (change.budgetWindow() != null) {
            budgetWindow = change.budgetWindow();
        }
        if (change.owner() != null) {
            owner = change.owner();
        }
        if (change.name() != null) {
            name = change.name();
        }
        if (change.softLimit() != null) {
            softLimit = change.softLimit();
        }
        updatedAt = now;
    }

    /** This project's threshold bounds: its own overrides where set, the server defaults elsewhere. */
    public ThresholdSettings thresholds(ThresholdSettings defaults) {
        return new ThresholdSettings(
                thresholdDefault != null ? thresholdDefault : defaults.defaultThreshold(),
                thresholdMin != null ? thresholdMin : defaults.min(),
                thresholdMax != null ? thresholdMax : defaults.max());
    }

    /** Overrides the threshold bounds; null leaves a bound as it is. The combination must stay consistent. */
    public void overrideThresholds(Double defaultThreshold, Double min, Double max, ThresholdSettings defaults,
            Instant now) {
        ThresholdSettings current = thresholds(defaults);
        ThresholdSettings next = new ThresholdSettings(
                defaultThreshold != null ? defaultThreshold : current.defaultThreshold(),
                min != null ? min : current.min(),
                max != null ? max : current.max());
        thresholdDefault = next.defaultThreshold();
        thresholdMin = next.min();
        thresholdMax = next.max();
        updatedAt = now;
    }

    public TokenBalance balance() {
        return new TokenBalance(tokenBudget, usedTokens, reservedTokens);
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getOwner() {
        return owner;
    }

    public int getTier() {
        return tier;
    }

    public long getTokenBudget() {
        return tokenBudget;
    }

    public BudgetWindow getBudgetWindow() {
        return budgetWindow;
    }

    public Long getSoftLimit() {
        return softLimit;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public long getUsedTokens() {
        return usedTokens;
    }

    public long getReservedTokens() {
        return reservedTokens;
    }

    public long getRemainingTokens() {
        return balance().remaining();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
