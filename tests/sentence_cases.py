"""Sentences the splitter once cut in the middle, each with the sentences it must give.

Shared by the splitter's tests and ``make eval ONLY=sentences`` (which counts false cuts).
The first of each group comes from a real news page; the others are variants of the same class.
"""

from __future__ import annotations

# (text, expected sentences)
FALSE_CUTS: list[tuple[str, list[str]]] = [
    # A capitalised word before a run-on starter is part of a name or a title.
    (
        "Adam Neumann founded The We Company in 2010. It is now worth billions.",
        ["Adam Neumann founded The We Company in 2010.", "It is now worth billions."],
    ),
    (
        "The motto 'In God We Trust' appears on every coin, the museum said.",
        ["The motto 'In God We Trust' appears on every coin, the museum said."],
    ),
    (
        "Fans sang “All You Need Is Love She Said” all night long at the stadium.",
        ["Fans sang “All You Need Is Love She Said” all night long at the stadium."],
    ),
    (
        "The band played Come Together But Slowly at the end of the night.",
        ["The band played Come Together But Slowly at the end of the night."],
    ),
    # "vs" and "v." join two names, never two sentences.
    (
        "Lakers vs Nets: LeBron James scores 30 as Los Angeles wins again.",
        ["Lakers vs Nets: LeBron James scores 30 as Los Angeles wins again."],
    ),
    (
        "The case of Roe v. Wade was decided in 1973. It is still debated.",
        ["The case of Roe v. Wade was decided in 1973.", "It is still debated."],
    ),
    (
        "Tonight it is Chelsea v Arsenal: Lampard names his side for the derby.",
        ["Tonight it is Chelsea v Arsenal: Lampard names his side for the derby."],
    ),
    # A clause after a dash or a conjunction goes on, whatever name opens it.
    (
        "GM is cutting thousands of jobs in Detroit and Ohio after a long and bitter strike by "
        "workers at its plants across the region and at many of its smaller suppliers in the "
        "south — while Ford is rolling out new trucks and "
        "electric vans. Ford said it expects record sales next year.",
        [
            "GM is cutting thousands of jobs in Detroit and Ohio after a long and bitter strike by "
            "workers at its plants across the region and at many of its smaller suppliers in the "
            "south — while Ford is rolling out new trucks and "
            "electric vans.",
            "Ford said it expects record sales next year.",
        ],
    ),
    (
        "The company lost money in every quarter of the year and cut hundreds of jobs in its "
        "factories in three states and many more abroad, its chief executive told investors on "
        "the call, because Tesla is selling more cars than anyone expected "
        "this year. Tesla said demand remains strong.",
        [
            "The company lost money in every quarter of the year and cut hundreds of jobs in its "
            "factories in three states and many more abroad, its chief executive told investors on "
            "the call, because Tesla is selling more cars than anyone expected "
            "this year.",
            "Tesla said demand remains strong.",
        ],
    ),
    # Titles and their plurals are abbreviations before a name.
    (
        "Sens. Cory Booker and Kamala Harris voted against the bill on Tuesday.",
        ["Sens. Cory Booker and Kamala Harris voted against the bill on Tuesday."],
    ),
    (
        "Reps. Ilhan Omar and Rashida Tlaib were barred from entering the country.",
        ["Reps. Ilhan Omar and Rashida Tlaib were barred from entering the country."],
    ),
    (
        "The bill was signed by Gov. Andrew Cuomo and Lt. Gov. Kathy Hochul on Monday.",
        ["The bill was signed by Gov. Andrew Cuomo and Lt. Gov. Kathy Hochul on Monday."],
    ),
    (
        "Govs. Gavin Newsom and Jay Inslee wrote to the president. He did not reply.",
        ["Govs. Gavin Newsom and Jay Inslee wrote to the president.", "He did not reply."],
    ),
    (
        "A statement from Sen. Mitch McConnell followed. Rep. Nancy Pelosi said nothing.",
        ["A statement from Sen. Mitch McConnell followed.", "Rep. Nancy Pelosi said nothing."],
    ),
    # A possessive or a prose word before a name and a colon.
    (
        "Google's gaming offering, which is offered at a $9.99 monthly rate for its Stadia Pro "
        "subscription (there is also a $129.99 Premiere Edition available for preorder that "
        "includes a controller, Chromecast Ultra and three months of Stadia Pro), is centered "
        "on the growing industry of game streaming. Stadia launched on Tuesday.",
        [
            "Google's gaming offering, which is offered at a $9.99 monthly rate for its Stadia "
            "Pro subscription (there is also a $129.99 Premiere Edition available for preorder "
            "that includes a controller, Chromecast Ultra and three months of Stadia Pro), is "
            "centered on the growing industry of game streaming.",
            "Stadia launched on Tuesday.",
        ],
    ),
    (
        "There has been news on the fourth film in rebooted Star Trek film series: Noah Hawley "
        "is in final talks to direct it.",
        [
            "There has been news on the fourth film in rebooted Star Trek film series: Noah "
            "Hawley is in final talks to direct it."
        ],
    ),
    (
        "Once lauded as the studio behind the masterful GameCube title Eternal Darkness, the "
        "company has produced only three major games since: GameCube's well-received Metal "
        "Gear Solid: The Twin Snakes, and then Too Human.",
        [
            "Once lauded as the studio behind the masterful GameCube title Eternal Darkness, "
            "the company has produced only three major games since: GameCube's well-received "
            "Metal Gear Solid: The Twin Snakes, and then Too Human."
        ],
    ),
    (
        "Visitors came to the theatre to watch <The Palace: Tale of Jang Noksu> and loved it.",
        ["Visitors came to the theatre to watch <The Palace: Tale of Jang Noksu> and loved it."],
    ),
    # Initials inside a name.
    (
        "The airport is named after John F. Kennedy and opened in 1948.",
        ["The airport is named after John F. Kennedy and opened in 1948."],
    ),
    (
        "Novelist George R. R. Martin said the book is late. Fans are waiting.",
        ["Novelist George R. R. Martin said the book is late.", "Fans are waiting."],
    ),
    # "!" and "?" inside a name.
    (
        "The singer told E! News that she was engaged.",
        ["The singer told E! News that she was engaged."],
    ),
    (
        "E! News reported the split on Friday. The couple declined to comment.",
        ["E! News reported the split on Friday.", "The couple declined to comment."],
    ),
    (
        "The story was first reported by Yahoo! Finance on Monday.",
        ["The story was first reported by Yahoo! Finance on Monday."],
    ),
    (
        "She won $50,000 as a Jeopardy! champion last year.",
        ["She won $50,000 as a Jeopardy! champion last year."],
    ),
    (
        "Brace yourself: a legal dispute with Scooter Braun and private equity giant The Carlyle "
        "Group. Wait, what?",
        [
            "Brace yourself: a legal dispute with Scooter Braun and private equity giant The "
            "Carlyle Group.",
            "Wait, what?",
        ],
    ),
    # A quote that ends in "!" or "?" and goes on with the speech verb in lower case.
    (
        "“Don’t mind me!” he told them. They laughed.",
        ["“Don’t mind me!” he told them.", "They laughed."],
    ),
    (
        '"Where is the money?" she asked the board on Tuesday.',
        ['"Where is the money?" she asked the board on Tuesday.'],
    ),
    (
        "‘Get out now!’ shouted a firefighter as the roof fell in.",
        ["‘Get out now!’ shouted a firefighter as the roof fell in."],
    ),
    (
        "What happens next? nobody at the ministry would say.",
        ["What happens next? nobody at the ministry would say."],
    ),
    # A long sentence goes on after a word that cannot close a caption run into the story: a
    # function word, an adjective, a verb, a comma, a count, a mark glued to a name.
    (
        "It wasn’t so much the fact of the win by a comfortable margin (Clinton was rejected by"
        " more than 70 per cent of the voters), but how Obama seemed truly to engage with and"
        " enthuse voters, as evidenced by the huge numbers at his rallies and a near-doubling of"
        " the turnout at the caucuses from previous years. Obama spoke next.",
        [
            "It wasn’t so much the fact of the win by a comfortable margin (Clinton was rejected"
            " by more than 70 per cent of the voters), but how Obama seemed truly to engage with"
            " and enthuse voters, as evidenced by the huge numbers at his rallies and a"
            " near-doubling of the turnout at the caucuses from previous years.",
            "Obama spoke next.",
        ],
    ),
    (
        "In an effort to jump-start the market for online movies, the studio and Apple Inc. are"
        " preparing to announce a deal in which its movies would be available for rent digitally"
        " through Apple's iTunes Store, according to people familiar with the matter. Apple's"
        " shares rose.",
        [
            "In an effort to jump-start the market for online movies, the studio and Apple Inc."
            " are preparing to announce a deal in which its movies would be available for rent"
            " digitally through Apple's iTunes Store, according to people familiar with the"
            " matter.",
            "Apple's shares rose.",
        ],
    ),
    (
        "Having only entered the North American market in the spring of the year 2011, Sixt is"
        " one of the newest rental agencies and has quickly built a reputation for premium cars"
        " at fair prices across dozens of airports in the country. Sixt is based in Germany.",
        [
            "Having only entered the North American market in the spring of the year 2011, Sixt"
            " is one of the newest rental agencies and has quickly built a reputation for premium"
            " cars at fair prices across dozens of airports in the country.",
            "Sixt is based in Germany.",
        ],
    ),
    (
        "The company said on Monday that it would add five new models to its popular Magellan"
        " RoadMate series of entry-level navigators, which it will sell through retailers across"
        " North America and Europe and from its own website later this spring. Magellan is based in"
        " California.",
        [
            "The company said on Monday that it would add five new models to its popular"
            " Magellan RoadMate series of entry-level navigators, which it will sell through"
            " retailers across North America and Europe and from its own website later this"
            " spring.",
            "Magellan is based in California.",
        ],
    ),
    (
        "Today at the show, Logitech unveiled the Harmony(R) One advanced universal remote.",
        ["Today at the show, Logitech unveiled the Harmony(R) One advanced universal remote."],
    ),
    # A title after a verb that is not in a past tense is the verb's object.
    (
        "If you love The Boys, you need to check out To Be Hero X.",
        ["If you love The Boys, you need to check out To Be Hero X."],
    ),
    (
        "But, at Ovolo, we offer The Perks all day every day.",
        ["But, at Ovolo, we offer The Perks all day every day."],
    ),
    (
        "Cornthwaite will be eager to ensure The Reds keep their chance of a finals place.",
        ["Cornthwaite will be eager to ensure The Reds keep their chance of a finals place."],
    ),
    # A heading's few words before a colon are not a caption glued to a label.
    (
        "Prune them in spring. Group 2 Clematis: Gentle Pruning for Extended Bloom",
        ["Prune them in spring.", "Group 2 Clematis: Gentle Pruning for Extended Bloom"],
    ),
    (
        "Warm Up. 10-20 Minutes: Easy jogging in Zone 2.",
        ["Warm Up.", "10-20 Minutes: Easy jogging in Zone 2."],
    ),
    (
        "Why it matters. The rise of generative AI: Rapid market growth and adoption.",
        ["Why it matters.", "The rise of generative AI: Rapid market growth and adoption."],
    ),
    # A run-on starter before two capitalised words opens a title-cased name.
    (
        "Farah Al-Ibrahim clearly wanted to avoid 7 On Your Side's camera and questions.",
        ["Farah Al-Ibrahim clearly wanted to avoid 7 On Your Side's camera and questions."],
    ),
    (
        "Allstate Insurance Group, through The Allstate Corporation, is one of the largest.",
        ["Allstate Insurance Group, through The Allstate Corporation, is one of the largest."],
    ),
    (
        "It comes months after CBS cancelled The Late Show with Stephen Colbert last summer.",
        ["It comes months after CBS cancelled The Late Show with Stephen Colbert last summer."],
    ),
    # A run-on starter after a word no sentence ends on (a preposition that takes an object, a
    # conjunction, an article) goes on with the sentence: a reverent "His", a royal "We".
    (
        "We have been studying how God made three covenants with His people, the fulfilment "
        "of which proves it. It is remarkable.",
        [
            "We have been studying how God made three covenants with His people, the "
            "fulfilment of which proves it.",
            "It is remarkable.",
        ],
    ),
    (
        "We, having consulted the State Council, have approved and understood, as We approve "
        "and understand, the following:",
        [
            "We, having consulted the State Council, have approved and understood, as We "
            "approve and understand, the following:"
        ],
    ),
    (
        "The school trains right relation to a Master and His ashram, or group.",
        ["The school trains right relation to a Master and His ashram, or group."],
    ),
    # An adjective after a determiner, or a possessive, goes on with the title it describes.
    (
        "Knowing this, Air New Zealand and WETA, the special effects workshop behind The Lord "
        "of the Rings and the upcoming The Hobbit, teamed up in making a video that is both "
        "informative and an ingenious form of branding.",
        [
            "Knowing this, Air New Zealand and WETA, the special effects workshop behind The "
            "Lord of the Rings and the upcoming The Hobbit, teamed up in making a video that is "
            "both informative and an ingenious form of branding."
        ],
    ),
    (
        "Critics were kinder to his latest The Smiths tribute album than to the tour.",
        ["Critics were kinder to his latest The Smiths tribute album than to the tour."],
    ),
    (
        "Those films allowed him to show off his chops as a romantic lead and a comedian, and "
        "even with a shortened role in next year’s GI Joe: Retaliation, he will still be able "
        "to call himself an action star.",
        [
            "Those films allowed him to show off his chops as a romantic lead and a comedian, "
            "and even with a shortened role in next year’s GI Joe: Retaliation, he will still "
            "be able to call himself an action star."
        ],
    ),
    (
        "The singer, who spent most of the last decade touring small clubs across the north, "
        "landed a part in the director's Winter Light: Stories From the Coast, out in May.",
        [
            "The singer, who spent most of the last decade touring small clubs across the "
            "north, landed a part in the director's Winter Light: Stories From the Coast, out "
            "in May."
        ],
    ),
    # A quote closed after its own full stop that the sentence goes on from in lower case.
    (
        'The crowd shouted "We want more." until the band came back. It rained.',
        ['The crowd shouted "We want more." until the band came back.', "It rained."],
    ),
    # A rank or a page cited after an abbreviation's period is no note called after a stop.
    (
        "Former finalist and world No.16 Marcos Baghdatis lost in Chennai on Tuesday.",
        ["Former finalist and world No.16 Marcos Baghdatis lost in Chennai on Tuesday."],
    ),
    (
        "The rule is set out in the annex, pp.14 Table 3 gives the figures for each year.",
        ["The rule is set out in the annex, pp.14 Table 3 gives the figures for each year."],
    ),
]


# Paragraphs the source glued together: a period right before a capitalised word.
GLUED: list[tuple[str, list[str]]] = [
    (
        "Police were called to the house on Wednesday.The stabbing happened at 9pm.",
        ["Police were called to the house on Wednesday.", "The stabbing happened at 9pm."],
    ),
    (
        "Profits rose 3.5%.Analysts were surprised. The firm was founded in 2019.It grew fast.",
        [
            "Profits rose 3.5%.",
            "Analysts were surprised.",
            "The firm was founded in 2019.",
            "It grew fast.",
        ],
    ),
    (
        "He was taken to hospital.“It was awful,” a neighbour said.",
        ["He was taken to hospital.", "“It was awful,” a neighbour said."],
    ),
    (
        "Shares rose 2.5 per cent at Amazon.com on Monday, said Mr.Smith of the U.S.Treasury.",
        ["Shares rose 2.5 per cent at Amazon.com on Monday, said Mr.Smith of the U.S.Treasury."],
    ),
    (
        "See www.example.org/News.Html for more and the ASP.NET guide.",
        ["See www.example.org/News.Html for more and the ASP.NET guide."],
    ),
    (
        "Version 2.5.1.Beta shipped to users at Acme Inc.Europe on Monday.",
        ["Version 2.5.1.Beta shipped to users at Acme Inc.Europe on Monday."],
    ),
    # A time or a date stamped before the story's first sentence with a bar.
    (
        "01:06 PM ET 11.12 | On Sunday, Jay Cutler took a huge hit. He stayed in the game.",
        ["01:06 PM ET 11.12 |", "On Sunday, Jay Cutler took a huge hit.", "He stayed in the game."],
    ),
    (
        "Updated 3:45 pm | Police said two men were arrested.",
        ["Updated 3:45 pm |", "Police said two men were arrested."],
    ),
    (
        "Sales rose 3 per cent | Analysts had expected less, the firm said.",
        ["Sales rose 3 per cent | Analysts had expected less, the firm said."],
    ),
    # A report's sentence calling a note, its number after the stop, read out of a PDF.
    (
        "It is possible with some simple numerical examples.17 Consider two states of the world.",
        [
            "It is possible with some simple numerical examples.17",
            "Consider two states of the world.",
        ],
    ),
    (
        "Fish stocks reveal dramatic patterns.¹⁸ Over the past millennium, they fell.",
        ["Fish stocks reveal dramatic patterns.¹⁸", "Over the past millennium, they fell."],
    ),
    # The notes an encyclopaedia's sentence calls, after its stop: they end that sentence.
    (
        "The dam was approved in 2019.[1] Engineers found cracks.[2][3] Repairs start in"
        " March.[citation needed] They cost 2.4 million euros.[4–6]",
        [
            "The dam was approved in 2019.[1]",
            "Engineers found cracks.[2][3]",
            "Repairs start in March.[citation needed]",
            "They cost 2.4 million euros.[4–6]",
        ],
    ),
    (
        "The law was adopted in 2019.3 Members voted for it and sales rose 3.5 Percent said so.",
        ["The law was adopted in 2019.3 Members voted for it and sales rose 3.5 Percent said so."],
    ),
]
