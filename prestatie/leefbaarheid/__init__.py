"""The page Leefbaarheid: the Leefbaarometer scores per wijk over the years and the target on
them (Emmen LW-2)."""
