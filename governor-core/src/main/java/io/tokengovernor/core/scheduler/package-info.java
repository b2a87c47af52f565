/**
 * The scheduler's decisions, free of any container: which paused work resumes when tokens come back.
 *
 * <p>A pass: {@link io.tokengovernor.core.scheduler.ResumeRate} gives the slots the rate limit leaves,
 * {@link io.tokengovernor.core.scheduler.ResumePlanner} picks the work in
 * {@link io.tokengovernor.core.scheduler.ResumeOrder} under the
 * {@link io.tokengovernor.core.scheduler.SchedulerRules} read by
 * {@link io.tokengovernor.core.scheduler.SchedulerRulesFile}, and
 * {@link io.tokengovernor.core.scheduler.ResumePrediction} says when the rest is expected to resume.
 * Estimates and their accuracy: {@link io.tokengovernor.core.scheduler.HistoricalEstimate},
 * {@link io.tokengovernor.core.scheduler.EstimationAccuracy}, {@link io.tokengovernor.core.scheduler.ResumeAccuracy}.
 */
package io.tokengovernor.core.scheduler;
