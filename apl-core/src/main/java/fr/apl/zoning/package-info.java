/**
 * Owns zoning: aggregating commune APL to territories (TVS, bassins de vie, departments), the rules
 * that classify them (2017 national thresholds, 2021 regional ceilings, population-share quantiles),
 * decisions that force a class, and the figures reports quote per area. Every type here is
 * immutable or stateless, and thread-safe.
 */
package fr.apl.zoning;
