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
]
