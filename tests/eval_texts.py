"""Short news-like texts written for the evaluation tests: unrelated originals and their
copies, reprints and rewordings (all invented; no real events or people)."""

from __future__ import annotations

HARBOUR = (
    "The harbour authority of Westmere confirmed on Tuesday that the old grain pier will "
    "close for eighteen months while engineers replace its rotting timber piles. The pier, "
    "built in 1911, still handles about forty fishing boats a week, and their crews will "
    "move to a temporary pontoon near the ferry terminal.\n\n"
    "Harbour master Ilse Varga said divers had found that a third of the supporting piles "
    "were hollow below the waterline. The repair will cost 7.4 million crowns, most of it "
    "paid by the regional development fund, and the work is due to start in early March.\n\n"
    "Fishermen at a meeting on Monday evening asked for cheaper berth fees during the "
    "closure. Varga promised that the authority would review the fees before the summer "
    "season, but warned that the pontoon has room for only thirty boats at a time."
)

ORCHARD = (
    "A late frost in the Callow valley has destroyed much of this year's apricot blossom, "
    "growers said on Friday. Temperatures fell to minus four degrees on Wednesday night, "
    "two weeks after the trees had flowered early in an unusually warm February.\n\n"
    "The growers' cooperative estimates that the harvest will be less than half of last "
    "year's 2,300 tonnes. Its chairman, Tomas Brenner, said small family orchards without "
    "wind machines or sprinklers had suffered worst, and that some would not survive a "
    "second bad season.\n\n"
    "The agriculture ministry has opened a register for frost damage claims until the end "
    "of May. Brenner urged members to photograph their trees now, before the damaged "
    "flowers drop, because inspectors will ask for evidence dated within a week of the frost."
)

LIBRARY = (
    "After six years of fundraising, the town of Ostrava Mill has reopened its public "
    "library in the former textile exchange on Canal Street. The building had stood empty "
    "since a fire in 2009 damaged its roof and the great reading hall.\n\n"
    "Architect Nadia Okafor kept the cast iron columns and the original clerestory windows, "
    "and added a glass reading room for children on the first floor. About 62,000 books "
    "moved from the temporary site in the school gymnasium over the past month, carried in "
    "part by volunteers.\n\n"
    "The library will open seven days a week and lend laptops as well as books. Its "
    "director, Paul Ekwueme, said the old card catalogue drawers had been restored and now "
    "hold seeds that residents can borrow for their gardens and return after the harvest."
)

CHESS = (
    "Seventeen-year-old Maren Holt won the national junior chess championship in Lindau on "
    "Sunday after a tense final round that lasted almost six hours. She drew with the "
    "defending champion, Arvid Sandberg, and finished half a point ahead of three rivals.\n\n"
    "Holt learned the game from her grandfather at the age of seven and trains mostly "
    "online because the nearest club is ninety kilometres from her village. Her coach said "
    "her endgame technique had improved greatly since she lost two winning positions at "
    "last year's event.\n\n"
    "The title gives her a place in the European youth championship in Porto in August. "
    "The chess federation will pay her travel, but her family has started a collection in "
    "the village to cover a trainer for the two weeks of the tournament."
)

RAILWAY = (
    "Night trains will return to the northern line between Karsby and Hallstad next "
    "winter, the state railway company announced on Thursday. The service was withdrawn "
    "in 2016 when the old sleeping cars failed a safety inspection and no money was found "
    "to replace them.\n\n"
    "The company has leased twelve refurbished carriages from a neighbouring operator and "
    "plans three departures a week from December, rising to a daily train if demand allows. "
    "A bed in a shared compartment will cost from 49 euros, and a private cabin from 120.\n\n"
    "Tourism offices in the north welcomed the news. The mayor of Hallstad, Greta Lindqvist, "
    "said skiers from the capital had long asked for a way to arrive rested on a Saturday "
    "morning without taking a flight or driving ten hours on icy roads."
)

BEES = (
    "Beekeepers in the Dunmore hills reported their best honey yield in a decade this "
    "autumn, helped by a wet spring and a long flowering season for heather and clover. "
    "The regional association counted 412 active hives among its members, up from 350.\n\n"
    "Association secretary Lotte Fairweather said a programme that paid farmers to leave "
    "wildflower strips along their field margins had made a clear difference. Hives near "
    "the strips produced nearly a third more honey than those beside grazed pasture.\n\n"
    "The association now wants the programme extended for five more years. It will also "
    "hold free courses for new beekeepers in the village hall every second Saturday from "
    "January, with protective suits provided for the first lessons."
)

ORIGINALS = {
    "harbour": HARBOUR,
    "orchard": ORCHARD,
    "library": LIBRARY,
    "chess": CHESS,
    "railway": RAILWAY,
    "bees": BEES,
}

# A full copy with a new headline and sign-off: clearly derived from HARBOUR.
HARBOUR_COPY = (
    "Westmere grain pier to shut for repairs\n\n"
    + HARBOUR
    + "\n\nThis report was first published by the Westmere Harbour Gazette."
)

# One paragraph of ORCHARD taken word for word inside new reporting.
ORCHARD_REPRINT = (
    "Frost damage spreads across the south\n\n"
    "Farmers across the southern provinces counted their losses this week after the "
    "coldest March night in twenty years. Vineyards near the coast were largely spared, "
    "but inland fruit growers fared badly and insurers expect a record number of claims.\n\n"
    + ORCHARD.split("\n\n")[1]
    + "\n\nWeather forecasters expect milder nights from Sunday, with rain across the "
    "region and temperatures well above freezing for the rest of the month."
)

# LIBRARY retold in other words: the same facts, hardly a shared phrase.
LIBRARY_REWORDED = (
    "Ostrava Mill residents can borrow books in the town centre again. Six years after a "
    "fundraising campaign began, the library has moved into the old textile exchange on "
    "Canal Street, a building left derelict when fire ruined its roof and reading hall in "
    "2009.\n\n"
    "Nadia Okafor, the architect, preserved the iron columns and high windows and built a "
    "glass room upstairs for young readers. Volunteers helped move roughly 62,000 volumes "
    "out of the school gym that served as a stopgap home.\n\n"
    "Opening hours cover the whole week, and laptops can be borrowed too. Director Paul "
    "Ekwueme explained that the restored catalogue drawers are now a seed library: people "
    "take seeds for their gardens and bring some back once they have harvested."
)
