// Projects for the benchmarks, made from a fixed seed so that every run of every bench
// measures the same input: the large map issue 7 names (5,000 touchpoints in 50 stages with
// 6,000 connectors) and one the size of the bundled sample project.
#pragma once

#include "entities.h"

namespace Waymark::Bench {

struct MapSize
{
    int stages = 0;
    int touchpoints = 0;
    int connectors = 0;
    int annotations = 0;
    int personas = 0;
};

// 5,000 cards in 50 stages, 6,000 connectors, a few hundred annotations.
MapSize largeMapSize();
// As large as the sample project: 5 stages, about 40 cards, a dozen connectors.
MapSize sampleSize();
// Small enough for CI to run every bench in a second or two.
MapSize tinySize();

// One map in every standard lane, cards spread over the cells unevenly as real maps are
// (some cells crowded, many with two or three cards), titles drawn from a workshop's
// vocabulary, and connectors mostly between cards in the same or the next stages.
Project generateProject(const MapSize &size, quint32 seed = 20261203);

} // namespace Waymark::Bench
