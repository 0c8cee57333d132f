/**
 * Road travel times: {@link fr.apl.roads.RoadNetwork} (the graph of an OpenStreetMap extract,
 * built once into a folder), {@link fr.apl.roads.MetricSpeeds} (the speeds, after INSEE's Metric)
 * and {@link fr.apl.roads.RoadTimes} (the times between points, a travel-time source).
 */
package fr.apl.roads;
